package org.paper2code.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Times classification per figure in one process (scripts/bench-classify runs it under taskset -c 0). */
public final class BenchClassify {
    private BenchClassify() {
    }

    public static void main(String[] args) throws Exception {
        StyleClassifier c = StyleClassifier.standard();
        List<byte[]> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String a : args) {
            files.add(Files.readAllBytes(Path.of(a)));
            names.add(a);
        }
        for (int i = 0; i < files.size(); i++) {
            c.analyse(files.get(i), names.get(i));
        }
        int passes = 3;
        // CPU time of this thread: under a shared machine's load wall time says little (dnn runs on this thread: one core)
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = cpu.getCurrentThreadCpuTime();
        double[] total = new double[files.size() * passes];
        double dec = 0;
        double feat = 0;
        double model = 0;
        for (int p = 0; p < passes; p++) {
            for (int i = 0; i < files.size(); i++) {
                long t0 = System.nanoTime();
                Classification r = c.analyse(files.get(i), names.get(i));
                total[p * files.size() + i] = (System.nanoTime() - t0) / 1e6;
                dec += r.decodeMillis();
                feat += r.featureMillis();
                model += r.modelMillis();
            }
        }
        double cpuMillis = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e6;
        Arrays.sort(total);
        double mean = Arrays.stream(total).average().orElse(0);
        int n = total.length;
        System.out.println(String.format(Locale.ROOT,
                "in-process, one core: %d figures x %d passes: mean %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms per figure "
                        + "(decode %.1f + features %.1f + model %.1f ms on average); thread CPU %.1f ms per figure",
                files.size(), passes, mean, total[n / 2], total[(int) (n * 0.95)], total[n - 1], dec / n, feat / n, model / n, cpuMillis / n));
    }
}
