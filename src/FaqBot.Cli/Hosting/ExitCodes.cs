namespace FaqBot.Cli.Hosting;

/// <summary>What <c>faqbot</c> returns to the shell.</summary>
internal static class ExitCodes
{
    /// <summary>The command did its work (for lint: no errors; for eval: every threshold held).</summary>
    public const int Ok = 0;

    /// <summary>lint found errors, eval missed a threshold, users refused a change (unknown or
    /// taken name, weak password, the last admin), or sources add refused the document (too large,
    /// of an unsupported kind, a scan, already a source, empty, damaged, not text, too slow to read,
    /// or its id taken).</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments, invalid settings, an unreadable or missing file or folder, or (for ask
    /// and eval) a knowledge folder that cannot be served; for users, a missing or unknown role, no
    /// password on standard input, or a password on the command line; for sources, an invalid --id
    /// or --url, no publisher (no --publisher and no Clinic:Name), or a knowledge folder that cannot
    /// be loaded (list).</summary>
    public const int UsageOrConfiguration = 2;
}
