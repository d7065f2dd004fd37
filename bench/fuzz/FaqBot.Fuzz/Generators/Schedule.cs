namespace FaqBot.Fuzz.Generators;

/// <summary>Which requests case number N of a run sends: its own random source, seeded from the
/// run's seed and N alone, picks an endpoint family by weight and the family builds the requests,
/// which may then be abused further. So case N of seed S is the same whenever it is made again
/// (with the tokens and ids of the host at hand).</summary>
internal static class Schedule
{
    public static readonly (string Name, int Weight, Func<Random, FuzzContext, FuzzRequest[]> Next)[] Families =
    [
        ("patient", 3, PatientMessages.Next),
        ("directline", 6, DirectLineCases.Next),
        ("connector", 4, ConnectorCases.Next),
        ("plain", 4, PlainCases.Next),
        ("review", 4, ReviewCases.Next),
        ("knowledge", 4, KnowledgeCases.Next),
        ("accounts", 3, AccountCases.Next),
    ];

    public static (string Family, FuzzRequest[] Requests) Case(int seed, long number, FuzzContext context, IReadOnlySet<string> families)
    {
        var random = new Random(Mix(seed, number));
        var chosen = Families.Where(f => families.Contains(f.Name)).ToList();
        var pick = random.Next(chosen.Sum(f => f.Weight));
        var family = chosen.First(f => (pick -= f.Weight) < 0);
        var requests = family.Next(random, context);

        // Patient messages stay as Web Chat sends them; a sequence (a retried delivery) stays identical.
        return (family.Name, requests is [{ PatientMessageLength: 0 } single] ? [Abuse.Apply(random, single)] : requests);
    }

    /// <summary>A seed for case <paramref name="number"/> (SplitMix64 of the two).</summary>
    private static int Mix(int seed, long number)
    {
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)number + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }
}
