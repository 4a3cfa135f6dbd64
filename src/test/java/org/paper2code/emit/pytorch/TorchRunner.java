package org.paper2code.emit.pytorch;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs generated Python under Debian's /usr/bin/python3 with torch. When that is missing
 * the test fails with a clear message, or is skipped when P2C_ALLOW_MISSING_TOOLS=1.
 */
final class TorchRunner {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static Boolean available;

    private TorchRunner() {
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    static synchronized void requireTorch() {
        if (available == null) {
            available = Files.isExecutable(PYTHON) && run(null, List.of("-c", "import torch"), 120).exitCode() == 0;
        }
        if (!available) {
            String msg = PYTHON + " with torch is needed to run the generated PyTorch code (Debian: apt-get install python3-torch;"
                    + " scripts/setup installs it)";
            Assumptions.assumeFalse("1".equals(System.getenv("P2C_ALLOW_MISSING_TOOLS")), msg + "; skipped because P2C_ALLOW_MISSING_TOOLS=1");
            fail(msg);
        }
    }

    /** Runs python3 with the arguments (in dir when given); stdout and stderr captured in files. */
    static Result run(Path dir, List<String> args, int timeoutSeconds) {
        try {
            Path out = Files.createTempFile("p2c-py", ".out");
            Path err = Files.createTempFile("p2c-py", ".err");
            try {
                List<String> cmd = new ArrayList<>(List.of(PYTHON.toString()));
                cmd.addAll(args);
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
                if (dir != null) {
                    pb.directory(dir.toFile());
                }
                pb.environment().put("OMP_NUM_THREADS", "1");  // the machine's cores are shared
                Process p = pb.start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail("python3 " + args + " did not finish within " + timeoutSeconds + " s");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return new Result(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", e.toString());
        }
    }
}
