// Independent oracle for GenaiPricesOracleTest: prices every model of genai-prices' data.json with
// genai-prices' own JavaScript implementation (npm @pydantic/genai-prices 0.1.8, which computes with
// JS numbers) and writes one CSV line per (provider, model name, usage, timestamp).
//
// Regenerate (offline once the package is installed):
//   mkdir -p /tmp/oracle && cd /tmp/oracle && npm install @pydantic/genai-prices@0.1.8
//   NODE_PATH=/tmp/oracle/node_modules node --input-type=module \
//     < pricing/src/test/oracle/genai-prices-oracle.mjs \
//     > pricing/src/test/resources/io/tokenmeter/pricing/genai-prices-oracle.csv
// with /work/shared/data/pricing/genai-prices-data.json (genai-prices 47df840) as the catalog.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(process.env.NODE_PATH + '/');
const { calcPrice } = require('@pydantic/genai-prices');
const providers = JSON.parse(
  readFileSync('/work/shared/data/pricing/genai-prices-data.json', 'utf8'));

// Usage ids are decoded by the Java test; keep both sides in step.
const usages = {
  small: [{ input_tokens: 2743, output_tokens: 4 }, '2025-11-06T12:00:00Z'],
  long: [{ input_tokens: 250000, cache_read_tokens: 50000, cache_write_tokens: 10000,
           output_tokens: 3000 }, '2026-09-15T12:00:00Z'],
  cached: [{ input_tokens: 12000, cache_read_tokens: 3000, cache_write_tokens: 2000,
             output_tokens: 700 }, '2025-06-01T12:00:00Z'],
};

// Usages for the models whose prices have the matching rate keys only (keeps the file small).
const targeted = {
  audio: [/audio/, { input_tokens: 5000, input_audio_tokens: 2000, cache_read_tokens: 1000,
                     cache_audio_read_tokens: 300, output_tokens: 800, output_audio_tokens: 500 }],
  reasoning: [/reasoning/, { input_tokens: 1000, output_tokens: 900, output_reasoning_tokens: 600 }],
  search: [/web_searches/, { input_tokens: 1000, output_tokens: 100, web_searches: 3 }],
};
const targetedAt = '2025-11-06T12:00:00Z';

function leaves(clause, out) {
  if (clause.or) clause.or.forEach((c) => leaves(c, out));
  else if (clause.equals) out.push(clause.equals);
  return out;
}

console.log('provider,model,usage,timestamp,input_price,output_price,total_price');
for (const provider of providers) {
  for (const model of provider.models) {
    const names = [model.id, ...leaves(model.match, []).filter((n) => n !== model.id).slice(0, 1)];
    for (const name of names) {
      for (const [usageId, [usage, at]] of Object.entries(usages)) {
        if (name !== model.id && usageId !== 'small') continue; // aliases: one usage is enough
        let cells;
        try {
          const r = calcPrice(usage, name, { provider, timestamp: new Date(at) });
          cells = r === null ? ['null', 'null', 'null']
            : [r.input_price, r.output_price, r.total_price].map((x) => x.toString());
        } catch (e) {
          cells = ['error', 'error', 'error'];
        }
        console.log([provider.id, name, usageId, at, ...cells].join(','));
      }
    }
  }
}

for (const provider of providers) {
  for (const model of provider.models) {
    const priceKeys = JSON.stringify(model.prices);
    for (const [usageId, [pattern, usage]] of Object.entries(targeted)) {
      if (!pattern.test(priceKeys)) continue;
      let cells;
      try {
        const r = calcPrice(usage, model.id, { provider, timestamp: new Date(targetedAt) });
        cells = r === null ? ['null', 'null', 'null']
          : [r.input_price, r.output_price, r.total_price].map((x) => x.toString());
      } catch (e) {
        cells = ['error', 'error', 'error'];
      }
      console.log([provider.id, model.id, usageId, targetedAt, ...cells].join(','));
    }
  }
}

// Names as provider responses report them (dated snapshots, Bedrock ids, Vertex versions).
const reported = {
  anthropic: ['claude-sonnet-4-5-20250929', 'claude-3-5-sonnet-20241022', 'claude-3-haiku-20240307',
    'claude-opus-4-1-20250805', 'claude-3-7-sonnet-20250219', 'claude-haiku-4-5-20251001',
    'claude-opus-4-20250514', 'claude-sonnet-4-20250514', 'claude-3-5-haiku-20241022'],
  openai: ['gpt-4o-2024-08-06', 'gpt-4o-mini-2024-07-18', 'gpt-4.1-2025-04-14', 'gpt-4.1-mini-2025-04-14',
    'o3-mini-2025-01-31', 'o1-2024-12-17', 'gpt-5-2025-08-07', 'gpt-5-mini-2025-08-07',
    'gpt-3.5-turbo-0125', 'gpt-4-turbo-2024-04-09', 'o4-mini-2025-04-16', 'chatgpt-4o-latest'],
  google: ['gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-2.0-flash-001', 'gemini-1.5-pro-002',
    'gemini-2.5-flash-lite', 'models/gemini-2.5-pro', 'gemini-2.0-flash-lite-001',
    'claude-sonnet-4-5@20250929'],
  aws: ['us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'anthropic.claude-3-haiku-20240307-v1:0',
    'eu.anthropic.claude-sonnet-4-20250514-v1:0', 'amazon.nova-pro-v1:0', 'us.amazon.nova-lite-v1:0',
    'global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'meta.llama3-70b-instruct-v1:0'],
  azure: ['gpt-4o', 'gpt-4o-2024-11-20', 'gpt-4.1-mini', 'o3-mini'],
  'x-ai': ['grok-3', 'grok-4-0709', 'grok-3-mini'],
  mistral: ['mistral-large-latest', 'mistral-small-2503', 'codestral-latest'],
  deepseek: ['deepseek-chat', 'deepseek-reasoner'],
};
for (const [providerId, names] of Object.entries(reported)) {
  const provider = providers.find((p) => p.id === providerId);
  for (const name of names) {
    const [usage, at] = usages.cached;
    const r = calcPrice(usage, name, { provider, timestamp: new Date(at) });
    const cells = r === null ? ['null', 'null', 'null']
      : [r.input_price, r.output_price, r.total_price].map((x) => x.toString());
    console.log([providerId, name, 'cached', at, ...cells].join(','));
  }
}
