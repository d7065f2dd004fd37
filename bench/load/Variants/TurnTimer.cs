using Stopwatch = System.Diagnostics.Stopwatch;
using System.Buffers;
using System.Text;
using System.Text.Json;
using FaqBot.BotFramework.DirectLine;
using FaqBot.BotFramework.Schema;
using FaqBot.Core.Answering;
using FaqBot.Web.Chat;

namespace FaqBot.Load.Variants;

/// <summary><c>Variants --time-turns [turns]</c>: the parts of a Direct Line turn without HTTP, on
/// one thread, with the question mix of directline.lua over 50 conversations. For each part: mean
/// time and bytes allocated per turn after a warm-up.</summary>
public static class TurnTimer
{
    private static readonly string[] Questions =
    [
        "Can I drive home after my infusion?", "how long does an infusoin take", "What should I wear?", "Will there be a needle?",
        "Is ketamine addictive?", "do you take insurance", "hi there", "How soon will I notice a difference?",
        "What happens at the first consultation?", "thanks!", "Can my sister pick me up after?", "What are the side effects?",
        "What should I bring to my appointment?", "where is the clinic",
    ];

    public static async Task RunAsync(IServiceProvider services, int turns)
    {
        var channel = services.GetRequiredService<DirectLineChannel>();
        var conversations = services.GetRequiredService<DirectLineConversations>();
        var answerer = services.GetRequiredService<Answerer>();
        var open = Enumerable.Range(0, 50).Select(_ => conversations.Create(null)).ToArray();
        foreach (var conversation in open)
        {
            await channel.StartAsync(conversation, "http://127.0.0.1:5080/", null);
        }

        var marks = open.Select(c => c.ReadFrom(0).Watermark).ToArray();
        var bodies = Questions.Select((q, i) => Encoding.UTF8.GetBytes(
            $"{{\"type\":\"message\",\"text\":\"{q}\",\"from\":{{\"id\":\"load-{i}\"}},\"channelData\":{{\"clientActivityID\":\"load-{i}-1\"}}}}")).ToArray();

        var parts = new (string Name, Func<int, ValueTask> Run)[]
        {
            ("read the POST body (JSON to Activity)", i =>
            {
                _ = JsonSerializer.Deserialize<Activity>(bodies[i % bodies.Length], ActivityJson.Options);
                return ValueTask.CompletedTask;
            }),
            ("Answerer.AskAsync alone", async i => _ = await answerer.AskAsync(Questions[i % Questions.Length])),
            ("Answerer + ReplyComposer.Compose", async i => _ = ReplyComposer.Compose(await answerer.AskAsync(Questions[i % Questions.Length]))),
            ("DirectLineChannel.PostAsync (echo, bot turn, replies stored)", async i =>
            {
                var posted = JsonSerializer.Deserialize<Activity>(bodies[i % bodies.Length], ActivityJson.Options)!;
                await channel.PostAsync(open[i % open.Length], posted, "http://127.0.0.1:5080/");
            }),
            ("poll: ReadFrom + write the stored activities", i =>
            {
                var c = i % open.Length;
                var page = open[c].ReadFrom(marks[c]);
                marks[c] = page.Watermark;
                var output = new ArrayBufferWriter<byte>(page.ByteCount);
                page.WriteTo(output);
                return ValueTask.CompletedTask;
            }),
        };

        // Two passes over every part; only the second is printed (the first lets tiered
        // compilation finish).
        for (var pass = 0; pass < 2; pass++)
        {
            if (pass == 1)
            {
                Console.WriteLine($"{"part",-62} {"µs/turn",8} {"KB/turn",8} {"GC pause µs/turn",17} {"gen0/1/2 GCs",14}");
            }

            foreach (var (name, run) in parts)
            {
                await TimeAsync(name, run, parts[3].Run, turns, print: pass == 1);
            }
        }
    }

    /// <summary>Times <paramref name="turns"/> runs of one part after a quarter as many unmeasured
    /// ones. The poll reads what PostAsync stored, so each poll follows an (unmeasured) post.</summary>
    private static async Task TimeAsync(string name, Func<int, ValueTask> run, Func<int, ValueTask> post, int turns, bool print)
    {
        var polling = name.StartsWith("poll", StringComparison.Ordinal);
        for (var i = 0; i < turns / 4; i++)
        {
            if (polling)
            {
                await post(i);
            }

            await run(i);
        }

        double ticks = 0;
        long bytes = 0;
        var pause = GC.GetTotalPauseDuration();
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        for (var i = 0; i < turns; i++)
        {
            if (polling)
            {
                await post(i);
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            await run(i);
            ticks += Stopwatch.GetTimestamp() - start;
            bytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
        }

        if (print)
        {
            var paused = (GC.GetTotalPauseDuration() - pause).TotalMicroseconds / turns;
            var counts = string.Join('/', Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collections[g]));
            Console.WriteLine($"{name,-62} {ticks / Stopwatch.Frequency * 1e6 / turns,8:F1} {bytes / 1024.0 / turns,8:F1} {paused,17:F1} {counts,14}");
        }
    }
}
