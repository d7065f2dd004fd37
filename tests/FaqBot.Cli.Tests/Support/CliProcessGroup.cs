namespace FaqBot.Cli.Tests.Support;

/// <summary>Process tests start a dotnet host each; running them one at a time keeps the machine responsive for others.</summary>
[CollectionDefinition(Name)]
public sealed class CliProcessGroup
{
    public const string Name = "faqbot process";
}
