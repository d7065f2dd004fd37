using BenchmarkDotNet.Attributes;
using FaqBot.Core.Privacy;

namespace FaqBot.Bench;

/// <summary>Redaction of one message before it is stored: a question with no personal details
/// (the common case), one with a name and a phone number, and a long message full of details.</summary>
[MemoryDiagnoser]
public class RedactionBenchmarks
{
    public const string Plain = "Can I drive home after my infusion?";
    public const string Details = "Hi, my name is Maria Lopez and my number is (555) 201-7789, can someone call me about booking?";

    public static readonly string Crowded = string.Concat(Enumerable.Repeat(
        "Hi, I'm Jane and I'm nervous about my first infusion at 10:30; my number is 555-201-7789 and I was born on March 14, 1985. "
        + "Is 40 minutes normal, and does insurance cover $450? I live at 12 Oak Street. ", 10))[..2_000];

    private readonly Redactor _redactor = Redactor.Default;

    [Params(Plain, Details, "long")]
    public string Message { get; set; } = "";

    [Benchmark]
    public RedactionResult Redact() => _redactor.Analyze(Message == "long" ? Crowded : Message);
}
