using System.Collections.Concurrent;

namespace FaqBot.Core.Embeddings;

/// <summary>Where the indexes over the encoder are built (approved snippets and examples encoded,
/// classifiers trained and cross-validated: seconds of CPU after each reload): one at a time, on
/// one dedicated thread of the process, never on the thread pool. On a small machine the pool has
/// about one thread per core; a build holding them would make every request wait until the pool
/// grows (a page that takes milliseconds answered in two seconds). A build's awaits resume here
/// too, since they run under this scheduler.</summary>
public sealed class BuildThread : TaskScheduler
{
    private readonly BlockingCollection<Task> _queue = [];
    private readonly Thread _thread;

    private BuildThread()
    {
        _thread = new Thread(Work) { IsBackground = true, Name = "FaqBot index builds" };
        _thread.Start();
    }

    /// <summary>The process's one build thread.</summary>
    public static BuildThread Instance { get; } = new();

    /// <summary>True on the build thread (where work runs in sequence, not fanned out to the pool).</summary>
    public static bool IsCurrent => Thread.CurrentThread == Instance._thread;

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Runs <paramref name="build"/> on the build thread, after the builds queued before it.</summary>
    public static Task<T> Run<T>(Func<Task<T>> build) =>
        Task.Factory.StartNew(build, CancellationToken.None, TaskCreationOptions.DenyChildAttach, Instance).Unwrap();

    /// <inheritdoc cref="Run{T}(Func{Task{T}})"/>
    public static Task Run(Func<Task> build) =>
        Task.Factory.StartNew(build, CancellationToken.None, TaskCreationOptions.DenyChildAttach, Instance).Unwrap();

    protected override void QueueTask(Task task) => _queue.Add(task);

    /// <summary>Only the build thread itself runs a build's task inline (a build waiting on its own step).</summary>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Thread.CurrentThread == _thread && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Work()
    {
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }
}
