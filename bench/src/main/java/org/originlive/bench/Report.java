package org.originlive.bench;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.HdrHistogram.Histogram;

/** The Markdown result of one run, with the targets checked against it. */
final class Report {

    private Report() {}

    static String table(
            FlashSaleBench.Settings s,
            FlashSaleBench.Noop noop,
            List<FlashSaleBench.Rush> rushes,
            List<FlashSaleBench.FanOut> fanOuts,
            List<String> notes,
            String saleId,
            long confirmedUnits) {
        StringBuilder out = new StringBuilder();
        double alone = rushes.stream()
                .filter(r -> r.audience() == 0)
                .mapToDouble(FlashSaleBench.Rush::ordersPerSecond)
                .findFirst()
                .orElse(Double.NaN);
        out.append("### Run of ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append("\n");
        out.append(String.format(
                "%s. %d buyers (closed loops, 1 unit per order), %d s measured after %d s warm-up; fan-out and baseline windows %d s; viewers over %d source addresses.%n%n",
                System.getenv().getOrDefault("BENCH_PINNING", "no CPU pinning"), s.buyers(), s.seconds(), s.warmup(),
                s.fanoutSeconds(), s.sourceAddresses()));
        out.append(String.format(
                "Authenticated no-op `GET /api/me`: **%.0f/s** (p50 %s / p99 %s ms). Checkout alone ÷ no-op: **%s**.%n%n",
                noop.perSecond(), ms(noop.latency(), 50), ms(noop.latency(), 99), pct(alone / noop.perSecond())));

        out.append("| viewers (connected, ready in s) | orders/s | checkout kept | latency p50 / p99 ms | non-2xx | response-to-frame p50 / p99 ms | frames/s delivered | frames per app CPU-s | app CPU (of 1 core) | generator CPU | heap MB | group-commit batch | viewers dropped |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (FlashSaleBench.Rush r : rushes) {
            out.append(String.format("| %d (%d, %.1f) | **%.0f** | %s | %s / %s | %s | %s | %.0f | %s | %s | %s | %.0f | %s | %d |%n",
                    r.audience(), r.connected(), r.readySeconds(), r.ordersPerSecond(), pct(r.ordersPerSecond() / alone),
                    ms(r.latency(), 50), ms(r.latency(), 99), r.failures().isEmpty() ? "none" : r.failures(),
                    r.connected() == 0 ? "–" : ms(r.responseToFrame(), 50) + " / " + ms(r.responseToFrame(), 99)
                            + (r.probesUnmatched() > 0 ? " (" + r.probesUnmatched() + " unseen)" : ""),
                    r.framesPerSecond(), r.connected() == 0 ? "–" : String.format("%.0f", r.framesPerSecond() / r.appCpuPerSecond()),
                    pct(r.appCpuPerSecond()), pct(r.generatorCpuPerSecond()), r.heapMb(), r.batch(), r.viewersDropped()));
        }
        out.append("\nFan-out alone (one buyer every 50 ms, so the stock moves before every flush) against the bare Vert.x server pinned to the app's core, same viewers, same frame, same rate:\n\n");
        out.append("| viewers | frames per viewer per s | bytes per frame | app µs per frame | baseline µs per frame | app ÷ baseline |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (int i = 0; i < rushes.size(); i++) {
            FlashSaleBench.FanOut f = fanOuts.get(i);
            if (f == null) {
                continue;
            }
            out.append(String.format("| %d | %.1f (baseline %.1f) | %.0f | %.1f | %.1f | **%s** |%n",
                    rushes.get(i).connected(), f.framesPerViewerPerSecond(), f.baselineFramesPerViewerPerSecond(),
                    f.bytesPerFrame(), f.appMicrosPerFrame(), f.baselineMicrosPerFrame(),
                    Double.isNaN(f.baselineMicrosPerFrame()) ? "n/a" : String.format("%.2f", f.appMicrosPerFrame() / f.baselineMicrosPerFrame())));
        }
        out.append("\nTargets (issue 10):\n");
        for (int i = 0; i < rushes.size(); i++) {
            FlashSaleBench.Rush r = rushes.get(i);
            FlashSaleBench.FanOut f = fanOuts.get(i);
            if (r.audience() == 0) {
                out.append(check("checkout alone p99 < 100 ms", r.latency().getValueAtPercentile(99) / 1000.0 < 100,
                        ms(r.latency(), 99) + " ms"));
                out.append(check("checkout alone ≥ 60% of the no-op", alone / noop.perSecond() >= 0.6,
                        pct(alone / noop.perSecond())));
            } else if (r.audience() == 2000 || r.audience() == 10000) {
                boolean small = r.audience() == 2000;
                double keep = small ? 0.9 : 0.7;
                double delay = small ? 250 : 750;
                out.append(check(r.audience() + " viewers: checkout keeps ≥ " + pct(keep), r.ordersPerSecond() / alone >= keep,
                        pct(r.ordersPerSecond() / alone)));
                out.append(check(r.audience() + " viewers: response-to-frame p99 < " + (int) delay + " ms",
                        r.responseToFrame().getTotalCount() > 0 && r.responseToFrame().getValueAtPercentile(99) / 1000.0 < delay,
                        ms(r.responseToFrame(), 99) + " ms"));
                if (!small) {
                    double ratio = f == null ? Double.NaN : f.appMicrosPerFrame() / f.baselineMicrosPerFrame();
                    out.append(check("10000 viewers: app cost per frame ≤ 2× baseline", ratio <= 2, String.format("%.2f×", ratio)));
                    out.append(check("10000 viewers: 0 viewers dropped", r.viewersDropped() == 0, String.valueOf(r.viewersDropped())));
                    out.append(check("10000 viewers: heap < 512 MB", r.heapMb() < 512, String.format("%.0f MB", r.heapMb())));
                }
            }
            if (r.generatorCpuPerSecond() > 0.9) {
                notes.add(String.format("V=%d: the generator used %s of its core, so it did not keep up; the viewers' delays are upper bounds and frames/s a lower bound",
                        r.audience(), pct(r.generatorCpuPerSecond())));
            }
        }
        out.append(String.format("%nSale `%s`: %d orders confirmed (201) over the whole run.%n", saleId, confirmedUnits));
        for (String note : notes) {
            out.append("- ").append(note).append("\n");
        }
        return out.toString();
    }

    private static String check(String target, boolean met, String actual) {
        return String.format("- %s: %s (%s)%n", target, met ? "met" : "**not met**", actual);
    }

    private static String ms(Histogram h, double percentile) {
        return h == null || h.getTotalCount() == 0 ? "n/a" : String.format("%.1f", h.getValueAtPercentile(percentile) / 1000.0);
    }

    private static String pct(double share) {
        return Double.isNaN(share) || Double.isInfinite(share) ? "n/a" : String.format("%.0f%%", share * 100);
    }

}
