namespace FaqBot.Cli.Hosting;

/// <summary>What <c>faqbot</c> returns to the shell.</summary>
internal static class ExitCodes
{
    /// <summary>The command did its work (for lint: no errors; for eval: every threshold held).</summary>
    public const int Ok = 0;

    /// <summary>lint found errors, eval missed a threshold, or users refused a change (unknown or
    /// taken name, weak password, the last admin).</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments, invalid settings, an unreadable or missing file or folder, or (for ask
    /// and eval) a knowledge folder that cannot be served; for users, a missing or unknown role, no
    /// password on standard input, or a password on the command line.</summary>
    public const int UsageOrConfiguration = 2;
}
