using BenchmarkDotNet.Running;

namespace FaqBot.Bench;

public static class Program
{
    public static void Main(string[] args)
    {
        // BenchmarkDotNet runs each benchmark in a generated child process, which inherits this.
        Environment.SetEnvironmentVariable(RepositoryPaths.RootVariable, RepositoryPaths.Root);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
