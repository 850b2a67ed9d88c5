package org.innograph.cli;

import org.apache.jena.sys.JenaSystem;
import org.innograph.ingest.ToolVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code innograph} command: the service ({@code serve}, also what runs without arguments) and the data
 * operations, which open the store directly and need no running service.
 */
@Command(name = "innograph", mixinStandardHelpOptions = true, versionProvider = InnoGraphCli.Version.class,
        description = "InnoGraph: a knowledge graph of European industrial-policy good practices.%n"
                + "Without a command, starts the service (serve).",
        subcommands = {ServeCommand.class, LoadCommand.class, ValidateCommand.class, ImportCommand.class,
                ExportCommand.class, BackupCommand.class, RestoreCommand.class, QueryCommand.class, ConvertCommand.class,
                GenerateCommand.class, CommandLine.HelpCommand.class})
public class InnoGraphCli {

    public static void main(String[] args) {
        JenaSystem.init();
        CommandLine commandLine = commandLine();
        int exitCode = commandLine.execute(arguments(args));
        ServeCommand serve = commandLine.getSubcommands().get("serve").getCommand();
        if (!serve.isRunning()) {
            System.exit(exitCode);
        }
    }

    public static CommandLine commandLine() {
        return new CommandLine(new InnoGraphCli()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    // A person reads this: the message says what is wrong; a stack trace only for the unexpected.
                    if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                            || e instanceof java.io.UncheckedIOException) {
                        commandLine.getErr().println(commandLine.getCommandName() + ": " + e.getMessage());
                    } else {
                        e.printStackTrace(commandLine.getErr());
                    }
                    return 1;
                });
    }

    /**
     * {@code mvn spring-boot:run} and a bare {@code java -jar} start the service, and so do Spring-style
     * arguments alone ({@code java -jar innograph.jar --server.port=9090}), as they did before there were commands.
     */
    static String[] arguments(String[] args) {
        boolean springStyle = args.length > 0 && args[0].startsWith("--")
                && !args[0].equals("--help") && !args[0].equals("--version");
        if (args.length == 0 || springStyle) {
            String[] serve = new String[args.length + 1];
            serve[0] = "serve";
            System.arraycopy(args, 0, serve, 1, args.length);
            return serve;
        }
        return args;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ToolVersion.current()};
        }
    }
}
