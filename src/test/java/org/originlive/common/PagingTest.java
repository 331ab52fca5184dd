package org.originlive.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The two queries of a page never overlap: the total is asked only once the items have answered. */
class PagingTest {

    @Test
    void theTotalIsAskedOnlyAfterTheItemsAnswered() {
        AtomicReference<UniEmitter<? super List<String>>> items = new AtomicReference<>();
        AtomicBoolean totalAsked = new AtomicBoolean();
        AtomicReference<Page<String>> answered = new AtomicReference<>();

        Paging.<String>inSequence(
                        () -> Uni.createFrom().<List<String>>emitter(items::set),
                        () -> {
                            totalAsked.set(true);
                            return Uni.createFrom().item(42L);
                        },
                        new PageRequest(2, 3))
                .subscribe()
                .with(answered::set);

        assertThat(items.get()).as("items asked").isNotNull();
        assertThat(totalAsked).as("total asked while the items query runs").isFalse();

        items.get().complete(List.of("a", "b"));

        assertThat(totalAsked).isTrue();
        assertThat(answered.get()).isEqualTo(new Page<>(List.of("a", "b"), 2, 3, 42L));
    }

    @Test
    void nothingRunsBeforeSubscription() {
        AtomicBoolean asked = new AtomicBoolean();
        Uni<Page<String>> page = Paging.inSequence(
                () -> {
                    asked.set(true);
                    return Uni.createFrom().item(List.of());
                },
                () -> Uni.createFrom().item(0L),
                new PageRequest(0, 20));

        assertThat(asked).isFalse();
        assertThat(page.await().indefinitely().total()).isZero();
        assertThat(asked).isTrue();
    }
}
