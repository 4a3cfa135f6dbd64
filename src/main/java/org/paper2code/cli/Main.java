package org.paper2code.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code paper2code COMMAND}. Exit codes: 0 done, 1 some inputs failed, 2 usage or input error. */
@Command(name = "paper2code", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Turns the architecture in a deep-learning paper into code and MEX metadata.",
        subcommands = {
            ClassifyCommand.class,
            ConvertCommand.class,
            CorpusCommand.class,
            EvalCommand.class,
            ExtractCommand.class,
            FigureCommand.class,
            MexCommand.class,
            PdfCommand.class,
            ReportCommand.class,
            TablesCommand.class,
            TextCommand.class,
            VerifyCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int SOME_FAILED = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("paper2code: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, r) -> {
            c.getErr().println("paper2code: " + ex.getMessage());
            return USAGE;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"paper2code " + (v == null ? "dev" : v)};
        }
    }
}
