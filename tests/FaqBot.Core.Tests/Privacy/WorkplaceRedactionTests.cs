using FaqBot.Core.Privacy;

namespace FaqBot.Core.Tests.Privacy;

/// <summary>A person singled out by role and workplace (message, what is stored), and look-alikes
/// without a cue, a role or a named place that must stay as written.</summary>
public sealed class WorkplaceRedactionTests
{
    public static TheoryData<string, string> Described => new()
    {
        { "I'm the only dietitian at the Kroger on Elm Road in Fairview, so be discreet", "I'm [workplace], so be discreet" },
        { "my wife is the night charge nurse at Saint Anselm's on weekends, can she drive me?", "my wife is [workplace], can she drive me?" },
        { "she's the 4th grade math teacher at Pinecrest Elementary and knows every parent", "she's [workplace] and knows every parent" },
        { "I work as the sole bookkeeper for Delgado & Sons, keep it quiet", "I work as [workplace], keep it quiet" },
        { "my dad is the pastor of Grace Chapel in Hollis", "my dad is [workplace]" },
        { "i work at Brightwater Vets as their only receptionist lol", "i work at [workplace] lol" },
        { "coming after my shift as assistant manager at the Target on 3rd Street", "coming after my shift as [workplace]" },
    };

    public static TheoryData<string> LookAlikes => new()
    {
        "is the nurse at the front desk today?",
        "do you have a doctor at the Overland Park office?",
        "I'm a nurse, can I still get infusions?",
        "I'm a nurse at a big hospital so my hours change",
        "I'm a patient at Mercy General too",
        "I've been a teacher for 20 years and never felt this tired",
        "I'm a teacher on Mondays and Tuesdays only",
        "I'm going to see the doctor at Overland Park on Friday",
        "my husband is a nurse at the ICU so he knows the drill",
    };

    [Theory]
    [MemberData(nameof(Described))]
    public void A_role_at_a_named_workplace_after_a_cue_is_redacted(string message, string stored) =>
        Assert.Equal(stored, Redactor.Default.Redact(message));

    /// <summary>Each look-alike is followed by a description that is redacted, so the look-alike is
    /// shown to stay while the mechanism is at work.</summary>
    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void Without_a_cue_a_role_or_a_named_place_nothing_is_redacted(string message) =>
        Assert.Equal(message + " I'm [workplace].", Redactor.Default.Redact(message + " I'm the only vet at Paws Plus."));
}
