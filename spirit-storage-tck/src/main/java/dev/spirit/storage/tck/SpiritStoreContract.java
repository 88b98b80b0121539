package dev.spirit.storage.tck;

import static dev.spirit.storage.tck.TckFixtures.campaign;
import static dev.spirit.storage.tck.TckFixtures.submission;
import static dev.spirit.storage.tck.TckFixtures.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignState;
import dev.spirit.error.AlreadyExistsException;
import dev.spirit.error.NotFoundException;
import dev.spirit.error.VersionConflictException;
import dev.spirit.storage.InsertOutcome;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SpiritStore} keeps. A backend's test extends this class and implements
 * {@link #createStore()}; each test sentence below then runs against that backend.
 *
 * <p>Each test gets a new store from {@link #createStore()} and closes it afterwards. A backend
 * whose stores share state (one database) must make each store empty, or at least isolated: the
 * tests only look at campaigns they created themselves.
 */
public abstract class SpiritStoreContract {

  /** The store under test, fresh for each test. */
  protected SpiritStore store;

  /** Creates the contract; subclasses are instantiated by JUnit. */
  protected SpiritStoreContract() {}

  /**
   * Creates a new, open store for one test.
   *
   * @return the store
   * @throws Exception if it cannot be created
   */
  protected abstract SpiritStore createStore() throws Exception;

  /**
   * Opens the store for a test.
   *
   * @throws Exception if it cannot be created
   */
  @BeforeEach
  protected void openStore() throws Exception {
    store = createStore();
  }

  /** Closes the store after a test. */
  @AfterEach
  protected void closeStore() {
    store.close();
  }

  /**
   * Stores a new campaign.
   *
   * @return the stored campaign
   */
  protected Campaign storedCampaign() {
    return store.insertCampaign(campaign());
  }

  /** Campaign storage. */
  @Nested
  @DisplayName("campaigns")
  class Campaigns {
    @Test
    @DisplayName("a stored campaign is found by id, equal to what was stored, with version 1")
    void roundTrip() {
      Campaign original = campaign();
      Campaign stored = store.insertCampaign(original);
      assertThat(stored.version()).isEqualTo(1);
      assertThat(store.findCampaign(original.id())).contains(stored);
      assertThat(stored).isEqualTo(original.withVersion(1));
    }

    @Test
    @DisplayName("a second campaign with the same slug is refused")
    void duplicateSlug() {
      Campaign first = storedCampaign();
      Campaign sameSlug =
          Campaign.builder(first.slug())
              .title("另一个", "Another")
              .prompt("问", "Ask")
              .districts("yuzhong")
              .allChannels()
              .build();
      assertThatThrownBy(() -> store.insertCampaign(sameSlug))
          .isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    @DisplayName("an update based on the stored version succeeds and bumps the version")
    void updateWithVersion() {
      Campaign stored = storedCampaign();
      Campaign opened = store.updateCampaign(stored.moveTo(CampaignState.OPEN));
      assertThat(opened.version()).isEqualTo(2);
      assertThat(store.findCampaign(stored.id()).orElseThrow().state())
          .isEqualTo(CampaignState.OPEN);
    }

    @Test
    @DisplayName("an update based on a stale version is refused and changes nothing")
    void staleUpdate() {
      Campaign stored = storedCampaign();
      store.updateCampaign(stored.moveTo(CampaignState.OPEN));
      assertThatThrownBy(() -> store.updateCampaign(stored.moveTo(CampaignState.OPEN)))
          .isInstanceOf(VersionConflictException.class);
      assertThat(store.findCampaign(stored.id()).orElseThrow().version()).isEqualTo(2);
    }
  }

  /** Submission storage. */
  @Nested
  @DisplayName("submissions")
  class Submissions {
    @Test
    @DisplayName("an inserted submission is found by id, equal to what was stored, with version 1")
    void roundTrip() {
      Campaign c = storedCampaign();
      Submission s = submission(c.id(), "p-1").build();
      InsertOutcome outcome = store.insert(s, 10);
      assertThat(outcome).isEqualTo(new InsertOutcome.Inserted(s.withVersion(1)));
      assertThat(store.find(s.id())).contains(s.withVersion(1));
    }

    @Test
    @DisplayName("a second submission with the same id is refused")
    void duplicateId() {
      Campaign c = storedCampaign();
      Submission s = submission(c.id(), "p-1").build();
      store.insert(s, 10);
      assertThatThrownBy(() -> store.insert(s, 10)).isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    @DisplayName("a second submission with the same idempotency key returns the first")
    void idempotency() {
      Campaign c = storedCampaign();
      Submission first = withKey(c.id(), "p-1", "kiosk-7-0001");
      Submission retry = withKey(c.id(), "p-1", "kiosk-7-0001");
      store.insert(first, 10);
      InsertOutcome outcome = store.insert(retry, 10);
      assertThat(outcome).isEqualTo(new InsertOutcome.Duplicate(first.withVersion(1)));
      assertThat(store.count(SubmissionFilter.all(c.id()))).isEqualTo(1);
    }

    @Test
    @DisplayName("the participant limit refuses the submission past the limit")
    void participantLimit() {
      Campaign c = storedCampaign();
      for (int i = 0; i < 3; i++) {
        assertThat(store.insert(submission(c.id(), "p-1").build(), 3))
            .isInstanceOf(InsertOutcome.Inserted.class);
      }
      assertThat(store.insert(submission(c.id(), "p-1").build(), 3))
          .isEqualTo(new InsertOutcome.LimitReached(3));
      assertThat(store.insert(submission(c.id(), "p-2").build(), 3))
          .isInstanceOf(InsertOutcome.Inserted.class);
    }

    @Test
    @DisplayName("an update based on the stored version succeeds; a stale one is refused")
    void versionedUpdate() {
      Campaign c = storedCampaign();
      Submission s = submission(c.id(), "p-1").build();
      Submission stored = ((InsertOutcome.Inserted) store.insert(s, 10)).stored();
      Submission approved = store.update(stored.withStatus(SubmissionStatus.APPROVED));
      assertThat(approved.version()).isEqualTo(2);
      assertThatThrownBy(() -> store.update(stored.withStatus(SubmissionStatus.HIDDEN)))
          .isInstanceOf(VersionConflictException.class);
      assertThat(store.find(s.id()).orElseThrow().status()).isEqualTo(SubmissionStatus.APPROVED);
    }

    @Test
    @DisplayName("updating a submission that does not exist is refused")
    void updateMissing() {
      Campaign c = storedCampaign();
      Submission never = submission(c.id(), "p-1").version(1).build();
      assertThatThrownBy(() -> store.update(never)).isInstanceOf(NotFoundException.class);
    }
  }
}
