package dev.spirit.storage.file;

import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.tck.SpiritStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store keeps the contract when its log is written through the page cache as well: what it does
 * where a file system refuses direct I/O, or when a user turns it off.
 */
@DisplayName("FileStore keeps the storage contract with direct I/O off (page cache, real fsync)")
class FileStorePageCacheContractTest extends SpiritStoreContract {
  @TempDir Path root;

  @Override
  protected SpiritStore createStore() throws Exception {
    return FileStore.open(
        FileStoreOptions.builder(Files.createTempDirectory(root, "store")).directIo(false).build());
  }
}
