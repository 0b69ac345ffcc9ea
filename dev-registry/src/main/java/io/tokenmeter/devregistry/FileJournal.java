package io.tokenmeter.devregistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only JSON-lines journal in the data directory. Each append is written and fsync'd
 * before the change is applied in memory, so an acknowledged registration survives a crash. At
 * start the file is replayed; a torn last line (a crash mid-write) is dropped with a warning and
 * cut off so later appends start on a clean line.
 */
final class FileJournal implements Journal {
  static final String FILE_NAME = "registry-journal.jsonl";

  private static final Logger LOGGER = LoggerFactory.getLogger(FileJournal.class);

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final List<RegistryEvent> replayed;

  private FileJournal(Path file, FileChannel channel, FileLock lock, List<RegistryEvent> replayed) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.replayed = replayed;
  }

  /** Opens (creating if needed) the journal in {@code dataDir} and reads what it holds. */
  static FileJournal open(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    FileChannel channel = null;
    try {
      Files.createDirectories(dataDir);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw new IllegalStateException(
            "Another process holds "
                + file
                + "; stop the other dev registry or use another --data-dir");
      }
      byte[] content = Files.readAllBytes(file);
      List<RegistryEvent> events = new ArrayList<>();
      long goodLength = readEvents(file, content, events);
      if (goodLength < content.length) {
        channel.truncate(goodLength);
        channel.force(true);
      }
      channel.position(goodLength);
      LOGGER.info("Replaying {} journal entries from {}", events.size(), file);
      return new FileJournal(file, channel, lock, List.copyOf(events));
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("Cannot open the dev registry journal " + file, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  /** Null when another process, or another registry in this JVM, holds the journal. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  /** Decodes complete lines into {@code events}; returns the length of the good prefix. */
  private static long readEvents(Path file, byte[] content, List<RegistryEvent> events) {
    int lineStart = 0;
    int lineNumber = 0;
    while (lineStart < content.length) {
      lineNumber++;
      int newline = indexOf(content, (byte) '\n', lineStart);
      boolean last = newline < 0 || newline == content.length - 1;
      int lineEnd = newline < 0 ? content.length : newline;
      String line = new String(content, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
      try {
        if (newline < 0) {
          throw new IllegalArgumentException("no line end");
        }
        if (!line.isBlank()) {
          events.add(JournalCodec.decode(line));
        }
      } catch (IllegalArgumentException e) {
        if (!last) {
          throw new IllegalStateException(
              "Journal "
                  + file
                  + " is corrupt at line "
                  + lineNumber
                  + " ("
                  + e.getMessage()
                  + "); repair or remove that line, or start with an empty --data-dir",
              e);
        }
        LOGGER.warn(
            "Ignoring torn last line {} of {} ({}); it was not acknowledged to any client",
            lineNumber,
            file,
            e.getMessage());
        return lineStart;
      }
      lineStart = lineEnd + 1;
    }
    return content.length;
  }

  private static int indexOf(byte[] content, byte wanted, int from) {
    for (int i = from; i < content.length; i++) {
      if (content[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  /** The events read at open, oldest first. */
  List<RegistryEvent> replayed() {
    return replayed;
  }

  @Override
  public synchronized void append(List<RegistryEvent> events) {
    StringBuilder lines = new StringBuilder();
    for (RegistryEvent event : events) {
      lines.append(JournalCodec.encode(event)).append('\n');
    }
    ByteBuffer buffer = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
    long start = -1;
    try {
      start = channel.position();
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    } catch (IOException e) {
      cutBackTo(start);
      throw Errors.storeError("cannot write " + file + ": " + e.getMessage());
    }
  }

  /** Removes a partly written batch so the file again ends on a line the state agrees with. */
  private void cutBackTo(long start) {
    if (start < 0) {
      return;
    }
    try {
      channel.truncate(start);
      channel.position(start);
    } catch (IOException e) {
      LOGGER.warn("Cannot cut {} back after a failed write: {}", file, e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    try {
      lock.release();
    } catch (IOException e) {
      LOGGER.warn("Cannot release the lock on {}: {}", file, e.getMessage());
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      LOGGER.warn("Cannot close the dev registry journal: {}", e.getMessage());
    }
  }
}
