namespace FaqBot.Storage.Tests.TestSupport;

/// <summary>The database a contract test runs on: every store behaves the same on both.</summary>
public enum Engine
{
    Sqlite,
    PostgreSql,
}
