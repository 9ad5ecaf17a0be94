package nnlab.kernel.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import nnlab.kernel.NativeSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.nativeblas.NativeOpsHolder;

class ParallelRoundsTest {

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    @Test
    void oneAtATimeRunsTheRoundsInOrderOnTheCallersThread() throws Exception {
        List<String> ran = new ArrayList<>();
        List<Callable<Void>> rounds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int round = i;
            rounds.add(() -> {
                ran.add(round + " " + Thread.currentThread().getName());
                return null;
            });
        }
        ParallelRounds.run(1, rounds, "unused");
        String here = Thread.currentThread().getName();
        assertEquals(List.of("0 " + here, "1 " + here, "2 " + here), ran);
    }

    @Test
    void roundsSideBySideEachUseOneComputeThreadAndTheCallerKeepsItsOwn() throws Exception {
        int callersBefore = ompThreads();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<Callable<Void>> rounds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rounds.add(() -> {
                bothStarted.countDown();
                bothStarted.await();
                seen.add(Thread.currentThread().getName() + " with " + ompThreads() + " OpenMP thread");
                return null;
            });
        }
        ParallelRounds.run(2, rounds, "test-round");
        assertEquals(Collections.nCopies(4, "test-round with 1 OpenMP thread"), seen, "two rounds ran at once, each on one thread");
        assertEquals(callersBefore, ompThreads());
    }

    private static int ompThreads() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }

    @Test
    void theFirstFailureIsThrownAndEndsTheOtherRounds() {
        IllegalStateException failure = new IllegalStateException("round 0 failed");
        AtomicInteger started = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        List<Callable<Void>> rounds = new ArrayList<>();
        rounds.add(() -> {
            started.incrementAndGet();
            throw failure;
        });
        for (int i = 1; i < 10; i++) {
            rounds.add(() -> {
                started.incrementAndGet();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                }
                return null;
            });
        }
        Exception thrown = assertThrows(Exception.class, () -> ParallelRounds.run(2, rounds, "test-round"));
        assertSame(failure, thrown);
        assertTrue(started.get() < 10, "queued rounds are dropped: " + started.get() + " started");
        assertNotEquals(0, started.get());
    }
}
