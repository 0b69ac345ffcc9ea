package io.tokenmeter.embedded.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory, held while a broker runs on it. Kafka locks its log
 * directory too, but only after its controller has already opened the metadata log; a second
 * in-process node on the same directory then corrupts the first one's quorum and Kafka halts the
 * JVM. Taking this lock before anything of Kafka starts turns that into a clear error.
 */
final class DataDirLock implements AutoCloseable {

  static final String LOCK_FILE_NAME = "embedded-kafka.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DataDirLock acquire(Path dataDir) {
    Path file = dataDir.resolve(LOCK_FILE_NAME);
    FileChannel channel = null;
    try {
      Files.createDirectories(dataDir);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(dataDir, null);
      }
      return new DataDirLock(channel, lock);
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw inUse(dataDir, e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot lock " + file + "; check the data directory", e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the data directory lock", e);
    }
  }

  private static IllegalStateException inUse(Path dataDir, Exception cause) {
    return new IllegalStateException(
        "Kafka data directory "
            + dataDir
            + " is in use by another running EmbeddedKafka; stop it or use another dataDir",
        cause);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // The lock attempt already failed; that failure is the one worth reporting.
    }
  }
}
