package dev.spirit.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;

import dev.spirit.storage.Page;
import dev.spirit.storage.PageRequest;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.memory.InMemoryStore;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionText;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The kit can fail: run groups of the contract against stores with one deliberate defect each and
 * check that the sentence describing that promise fails. The broken stores wrap the in-memory
 * store. They are nested static classes, so Surefire does not run them on their own.
 */
@DisplayName("The contract catches broken stores")
class ContractCatchesBrokenStoresTest {

  /** Wraps an in-memory store, replacing one method's behaviour. */
  static SpiritStore broken(
      String method, UnaryOperator<Object[]> args, UnaryOperator<Object> result) {
    InMemoryStore real = new InMemoryStore();
    return (SpiritStore)
        Proxy.newProxyInstance(
            SpiritStore.class.getClassLoader(),
            new Class<?>[] {SpiritStore.class},
            (proxy, m, a) -> {
              if (isCoreRule(real, m)) {
                // core's rule methods must reach the broken primitive through the proxy
                return InvocationHandler.invokeDefault(proxy, m, a);
              }
              boolean target = m.getName().equals(method);
              Object[] actual = target && a != null ? args.apply(a.clone()) : a;
              try {
                Object r = m.invoke(real, actual);
                return target ? result.apply(r) : r;
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** A default method of the SPI that the real store does not override: one of core's rules. */
  private static boolean isCoreRule(SpiritStore real, Method m) throws NoSuchMethodException {
    return m.isDefault()
        && real.getClass().getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass()
            == SpiritStore.class;
  }

  /** Ignores the participant limit. */
  static class NoLimit extends SpiritStoreContract {
    @Override
    protected SpiritStore createStore() {
      return broken(
          "storeNewSubmission",
          a -> {
            a[1] = Integer.MAX_VALUE;
            return a;
          },
          r -> r);
    }
  }

  /** Returns the cursor's own item again at the start of the next page. */
  static class RepeatsCursorItem extends SpiritStoreContract {
    @Override
    protected SpiritStore createStore() {
      InMemoryStore real = new InMemoryStore();
      return (SpiritStore)
          Proxy.newProxyInstance(
              SpiritStore.class.getClassLoader(),
              new Class<?>[] {SpiritStore.class},
              (proxy, m, a) -> {
                try {
                  Object r = m.invoke(real, a);
                  if (m.getName().equals("query") && ((PageRequest) a[1]).after().isPresent()) {
                    @SuppressWarnings("unchecked")
                    Page<Submission> page = (Page<Submission>) r;
                    List<Submission> items = new ArrayList<>();
                    real.find(((PageRequest) a[1]).after().get().after()).ifPresent(items::add);
                    items.addAll(page.items());
                    return new Page<>(items, page.next());
                  }
                  return r;
                } catch (java.lang.reflect.InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }
  }

  /** Stores text composed to NFC, as some databases and drivers do. */
  static class ComposesText extends SpiritStoreContract {
    @Override
    protected SpiritStore createStore() {
      return broken(
          "storeNewSubmission",
          a -> {
            Submission s = (Submission) a[0];
            String nfc = Normalizer.normalize(s.text().original(), Normalizer.Form.NFC);
            a[0] = s.toBuilder().text(new SubmissionText(nfc, s.text().normalized())).build();
            return a;
          },
          r -> r);
    }
  }

  /** Keeps working after close. */
  static class IgnoresClose extends SpiritStoreContract {
    @Override
    protected SpiritStore createStore() {
      InMemoryStore real = new InMemoryStore();
      return (SpiritStore)
          Proxy.newProxyInstance(
              SpiritStore.class.getClassLoader(),
              new Class<?>[] {SpiritStore.class},
              (proxy, m, a) -> {
                if (m.getName().equals("close")) {
                  return null;
                }
                try {
                  return m.invoke(real, a);
                } catch (java.lang.reflect.InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }
  }

  private static List<String> failures(Class<? extends SpiritStoreContract> store, Class<?> group) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectNestedClass(List.of(store), group))
            .build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    assertThat(summary.getTestsFoundCount()).as("tests found in %s", group).isPositive();
    return summary.getFailures().stream().map(f -> f.getTestIdentifier().getDisplayName()).toList();
  }

  @Test
  @DisplayName("a store that ignores the participant limit fails the limit sentences")
  void noLimit() {
    assertThat(failures(NoLimit.class, SpiritStoreContract.ParticipantLimit.class))
        .contains(
            "a participant at the limit is refused with their count; others are not",
            "8 threads inserting for one participant with limit 20 store exactly 20");
  }

  @Test
  @DisplayName("a store whose pages repeat the cursor's item fails the pagination sentences")
  void repeatsCursorItem() {
    assertThat(failures(RepeatsCursorItem.class, SpiritStoreContract.ConcurrentPagination.class))
        .containsExactly(
            "paging while a writer inserts never skips or repeats a pre-existing submission");
    assertThat(failures(RepeatsCursorItem.class, SpiritStoreContract.Queries.class))
        .contains("a cursor after the last item gives an empty last page");
  }

  @Test
  @DisplayName("a store that composes text to NFC fails the byte-exact round trip")
  void composesText() {
    assertThat(failures(ComposesText.class, SpiritStoreContract.RoundTrip.class))
        .contains("combining marks left decomposed")
        .doesNotContain("plain CJK");
  }

  @Test
  @DisplayName("a store that keeps working after close fails the closing sentences")
  void ignoresClose() {
    assertThat(failures(IgnoresClose.class, SpiritStoreContract.Closing.class)).hasSize(3);
  }
}
