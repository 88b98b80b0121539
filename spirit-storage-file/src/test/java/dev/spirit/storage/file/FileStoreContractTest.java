package dev.spirit.storage.file;

import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.tck.SpiritStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("FileStore keeps the storage contract (SYNC mode, real fsync)")
class FileStoreContractTest extends SpiritStoreContract {
  @TempDir Path root;

  @Override
  protected SpiritStore createStore() throws Exception {
    return FileStore.open(Files.createTempDirectory(root, "store"));
  }
}
