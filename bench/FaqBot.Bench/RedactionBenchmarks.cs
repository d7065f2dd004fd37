using BenchmarkDotNet.Attributes;
using FaqBot.Core.Privacy;

namespace FaqBot.Bench;

/// <summary>Redaction of one message before it is stored: a question with no personal details
/// (the common case), one with a name and a phone number, a long message full of details, and a
/// 20,000-character message of names, numbers in many formats and addresses of several countries;
/// by the rules alone (<c>Redactor.Default</c>) and with the name model as the hosts run it.</summary>
[MemoryDiagnoser]
public class RedactionBenchmarks
{
    public const string Plain = "Can I drive home after my infusion?";
    public const string Details = "Hi, my name is Maria Lopez and my number is (555) 201-7789, can someone call me about booking?";

    public static readonly string Crowded = string.Concat(Enumerable.Repeat(
        "Hi, I'm Jane and I'm nervous about my first infusion at 10:30; my number is 555-201-7789 and I was born on March 14, 1985. "
        + "Is 40 minutes normal, and does insurance cover $450? I live at 12 Oak Street. ", 10))[..2_000];

    public static readonly string Largest = string.Concat(Enumerable.Repeat(
        "Thanks, Priya Raghunathan. My neighbour Will drives; Hope Tran here, call +44 7700 900461 or 0712 345 678, "
        + "five oh three, five five five, zero one nine two. I'm at 14 Rosemary Close, Leeds LS6 2QR, member ID HUM 44827 1193. ", 100))[..20_000];

    private Redactor _redactor = Redactor.Default;

    [Params(Plain, Details, "long", "20k")]
    public string Message { get; set; } = "";

    [Params(false, true)]
    public bool NameModel { get; set; }

    [GlobalSetup]
    public void Setup() => _redactor = NameModel ? new Redactor(new RedactionOptions(), NameRecogniser.Embedded) : Redactor.Default;

    [Benchmark]
    public RedactionResult Redact() => _redactor.Analyze(Message switch
    {
        "long" => Crowded,
        "20k" => Largest,
        _ => Message,
    });
}
