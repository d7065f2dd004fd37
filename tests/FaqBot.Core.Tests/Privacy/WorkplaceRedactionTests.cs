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
        { "I'm the only optician at the Costco on Route 4 in Marysville, people know me", "I'm [workplace], people know me" },
        { "i'm the only Filipino male sonographer at Lakeside Imaging so be discreet", "i'm [workplace] so be discreet" },
        { "I'm the only 24-hour tow dispatcher at Ridge County Towing, can I come at 7?", "I'm [workplace], can I come at 7?" },
        { "I'm the principal violist with the Halvorsen Chamber Orchestra", "I'm [workplace]" },
        { "I work as the only male aide on the memory care wing at Birchwood Manor and worry", "I work as [workplace] and worry" },
        { "I'm a bus driver for Oak Hollow Elementary, the only one on the morning run, so quiet please", "I'm [workplace], so quiet please" },
        { "my brother is the only vet at the Harlan Animal Hospital surgery team", "my brother is [workplace]" },
        { "Soy la única partera del Centro de Salud de Tlaxcala, ¿es confidencial?", "Soy [workplace], ¿es confidencial?" },
        { "Je suis la seule sage-femme de la maternité de Vierzon, c'est discret ?", "Je suis [workplace], c'est discret ?" },
        { "Ich bin der einzige Apotheker im Ort am Marktplatz Hollfeld, bitte diskret", "Ich bin [workplace], bitte diskret" },
        // Any describing words before the role; a unit before the place; a state after it.
        { "I'm the head swim coach at Ridgeview High here in Bend, so discretion please", "I'm [workplace], so discretion please" },
        { "I work as the overnight cardiac-unit charge nurse at St. Brigid's Medical Center, mornings are hard", "I work as [workplace], mornings are hard" },
        { "I'm a respiratory therapist at the PICU at Lakemont Children's in Tacoma, so nights only", "I'm [workplace], so nights only" },
        { "my mom is the librarian at Pine Hollow Library in Dalton, GA and worries", "my mom is [workplace] and worries" },
        // A name between the relation and the verb; a description set beside a name.
        { "My wife Lorena is a dispatcher at Keller County Sheriff's Office and knows everyone", "My wife [name] is [workplace] and knows everyone" },
        { "Hello, I'm Dr. Mbeki, an anesthesiologist at Harlow Regional. Do you take referrals?", "Hello, I'm Dr. [name], [workplace]. Do you take referrals?" },
        // A job title and the organisation on a line of their own, as a signature block writes them.
        { "Can you send the invoice?\nThanks,\nOffice Coordinator | Larchmont Family Dental\n", "Can you send the invoice?\nThanks,\n[workplace]\n" },
        { "Please advise on intake.\nSenior Claims Analyst, Bayfront Mutual Ltd.", "Please advise on intake.\n[workplace]" },
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
        "are you the only clinic in Marshfield that does this?",
        "I'm the only one in my family who has tried this",
        "I'm a student at night, can I book in March?",
        "I'm worried about the nurse at Mercy General",
        "I'm so happy with the doctor at Overland Park",
        "Can you send the invoice?\nThanks,\nBilling Office | Main Street",
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
