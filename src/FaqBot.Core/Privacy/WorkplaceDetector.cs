using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>A description that singles a person out by role and workplace: after a cue that the
/// writer or a relative is being described ("I'm", "I work as", "my husband is", "she's"), an
/// occupation (with a few words before it: "the only", "head chemistry", "ICU charge", "7th grade
/// science") and at, for, on or of a place with a proper name ("the only pharmacist at the Walgreens
/// on Route 9 in Millbrook", "the head chef at Lulu's on 5th"); also "I work at Hargrove &amp; Lutz as
/// their only paralegal". The role and the place are removed together, up to twelve words of place.
/// Without a cue ("is the nurse at the Overland Park office in today?"), without a role ("I'm a patient
/// at Mercy General") or without a named place ("I'm a nurse at a hospital") nothing is found.</summary>
internal static class WorkplaceDetector
{
    /// <summary>The writer or someone close to them, then what they are.</summary>
    private const string Cue =
        @"(?:(?<![\w\[])(?i:i['’]?m(?:[ \t]+working[ \t]+as)?|i[ \t]+am|i[ \t]+was|i['’]?ve[ \t]+been|i[ \t]+have[ \t]+been"
        + @"|s?he['’]s|s?he[ \t]+(?:is|was)"
        + @"|(?:i|s?he|they|my[ \t]+\p{L}+)[ \t]+(?:\p{L}+[ \t]+)?work(?:s|ed)?[ \t]+as"
        + @"|my[ \t]+(?:shift|job|work|position|role|time)[ \t]+as"
        + @"|my[ \t]+(?:wife|husband|partner|spouse|son|daughter|kid|child|mom|mum|mother|dad|father|brother|sister|boyfriend|girlfriend|fianc[eé]e?|friend|roommate|aunt|uncle|cousin|niece|nephew|grandma|grandmother|grandpa|grandfather|stepmom|stepdad|stepson|stepdaughter)"
        + @"(?:,?[ \t]+\p{Lu}[\p{L}'’\-]+(?:[ \t]+\p{Lu}[\p{L}'’\-]+)?,?)?[ \t]+(?:is|was))"
        + @"|,(?<=(?:\p{L}|(?i:dr|mr|mrs|ms|mx|prof)\.)[ \t]+\p{Lu}[\p{Ll}'’\-]{1,40},)(?=[ \t]+(?i:an?|the)[ \t]))"
        + @"(?![\w])[ \t]+(?i:(?:also|now|still|currently|actually|basically|literally|just)[ \t]+)?";

    /// <summary>Common occupations (singular; a plural is read too).</summary>
    private const string Role =
        @"(?i:nurse|pharmacist|teacher|chef|cook|baker|butcher|driver|firefighter|fireman|rabbi|cantor|pastor|priest|imam|minister|reverend|chaplain|deacon|nun"
        + @"|manager|receptionist|paralegal|lawyer|attorney|doctor|doc|physician|surgeon|anesthesiologist|psychiatrist|psychologist|dentist|hygienist|optometrist"
        + @"|vet|veterinarian|anchor|reporter|journalist|editor|producer|host|dj|coach|principal|librarian|counselor|counsellor|therapist|midwife|paramedic|emt|dispatcher"
        + @"|officer|cop|deputy|sheriff|detective|trooper|guard|ranger|mechanic|electrician|plumber|barber|hairdresser|stylist|bartender|server|waiter|waitress|cashier"
        + @"|clerk|teller|banker|accountant|engineer|professor|instructor|tutor|aide|secretary|administrator|director|supervisor|foreman|owner|ceo|cfo|mayor|judge"
        + @"|pilot|conductor|custodian|janitor|mailman|carrier|technician|tech|worker|assistant|superintendent|dean|chair|treasurer|bookkeeper|dietitian|nutritionist|gp|coordinator|specialist|consultant|analyst|paramedic|sonographer|radiographer|optician"
        + @"|(?:chief|head|director|dean|chair)[ \t]+of[ \t]+\p{L}+)s?(?![\w\-])";

    /// <summary>Words that narrow a role to one person ("the only", "head", "charge", "7th grade",
    /// "ICU"): a short list, ordinals, capitalised initialisms and other occupations.</summary>
    private const string Modifier =
        @"(?:(?i:only|sole|one|head|chief|lead|charge|night|day|senior|junior|assistant|associate|local|staff|resident|volunteer|part-time|full-time|in-house"
        + @"|new|woman|female|male|school|science|chemistry|biology|physics|math|maths|english|history|music|art|band|choir|gym|pe|grade|news|weather|sports|pharmacy"
        + @"|store|shift|floor|peds|pediatric|paediatric|kindergarten|elementary|high|middle|youth|worship|weekend|overnight|morning|evening|executive|general"
        + @"|regional|district|branch|sales|office|front|desk|dental|kitchen|sous|pastry|line|bus|truck|delivery|mail|police|fire|er|icu|or|nicu|picu|ob|triage)"
        + @"|\d{1,2}(?i:st|nd|rd|th)|\p{Lu}{2,5}|\p{Lu}\p{Ll}+|" + Role + @"|" + Describing + @")";

    /// <summary>Any other lower-case word (hyphens allowed) that is no function word: "head football
    /// coach", "night-shift charge nurse".</summary>
    private const string Describing =
        @"(?!(?i:of|the|a|an|to|and|or|but|for|with|in|on|at|by|from|about|into|like|than|as|if|when|where|what|how|why|because|my|his|her|their|our|your|its|this|that|these|those|so|not|no|just|really|very|who|which|be|been|being|is|are|was|were|am|have|has|had|do|does|did|going|gonna|also|still|now|me|all|some|any|more|most|even|there|here|then)(?![\p{L}\-]))\p{Ll}[\p{Ll}\-]*";

    /// <summary>One word of a place's name: capitalised, a number (a number first only before a
    /// capitalised word: "4 West", not "20 years"), "&amp;"; never "I", a weekday, a month or the
    /// initials of a hospital unit ("a nurse at the ICU" names no place).</summary>
    private const string PlaceWord =
        @"(?!I\b|I['’]|(?:ICU|NICU|PICU|CCU|PACU|ER|ED|OR)\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b|(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b)"
        + @"(?:\p{Lu}[\p{L}\-]*(?:['’]s?)?(?:(?<=\b(?:St|Mt|Ft|Ave|Rd|Jr))\.)?|\d+(?i:st|nd|rd|th)?\b(?:['’]s)?|&)";

    /// <summary>A named place of up to twelve words, joined by spaces or by on, in, at or of; a lowercase
    /// noun of a place may end it ("Channel 7's morning show", "the Tuba City Regional birthing unit").</summary>
    private const string Place =
        @"(?:the[ \t]+)?(?!\d+[ \t]+\P{Lu})" + PlaceWord
        + @"(?:[ \t]+(?:(?:here[ \t]+in|on|in|at|of|de|du)[ \t]+(?:the[ \t]+)?)?" + PlaceWord + @"){0,11}"
        + @"(?:,[ \t]+(?:\p{Lu}{2}(?![\w\-])|\p{Lu}\p{Ll}{3,}(?=[ \t]*(?:[,.;:!?)\n]|$))))?"
        + @"(?:[ \t]+(?:[a-z]+[ \t]+)?(?i:show|team|office|desk|kitchen|unit|floor|ward|store|branch|location|campus|program|station|paper|podcast|department|crew|shift))?"
        + OnlyOneThere;

    /// <summary>", the only one on the early shift", ", the only male one": what singles the person
    /// out, said after the place, up to the end of the clause (at most 60 characters).</summary>
    private const string OnlyOneThere =
        @"(?:,[ \t]+(?i:the[ \t]+only)[ \t]+[^,.;:!?\n\[]{1,60}?(?=[,.;:!?\n]|[ \t]+(?i:and|but|so|lol|because|who|which)\b|$))?";

    /// <summary>When the person is there ("on nights"): read with the role, before or after the place.</summary>
    private const string Hours = @"(?:[ \t]+on[ \t]+(?i:nights|days|weekends|evenings|overnights))?";

    /// <summary>What someone is: an occupation (or a word that names one: "cellist", "technician")
    /// with words before it, or after "the only", "the sole" any one to four words ("the only Black
    /// female partner", "the only overnight 911 dispatcher").</summary>
    private const string Person =
        @"(?:(?i:only|sole|lone)(?:[ \t]+[\p{L}\d][\p{L}\d\-]*){1,4}|(?:" + Modifier + @"[ \t]+){0,4}(?:" + Role + @"|\p{Ll}{2,}(?:ist|ician)s?))";

    /// <summary>A short phrase (up to three words) between the role and the place: "on the oncology
    /// ward", "on B shift", "in her year", "for the deaf".</summary>
    private const string Between =
        @"(?:[ \t]+(?:(?i:on|in|for|with)[ \t]+(?i:(?:the|her|his|their|my)[ \t]+)?[\p{L}\d]+(?:[ \t]+[\p{L}\d]+){0,2}|(?i:at|in)[ \t]+(?i:the[ \t]+)?\p{Lu}{2,5})(?=[ \t]+(?i:at|for|on|of|with)[ \t]))?";

    private static readonly Regex RoleThenPlace = RedactionPatterns.Create(
        Cue + @"(?<v>(?i:(?:the|a|an|their|one[ \t]+of[ \t]+the)[ \t]+)?" + Person + Hours + Between
        + @"[ \t]+(?i:at|for|on|of|with)[ \t]+(?i:all[ \t]+of[ \t]+)?" + Place + Hours + @")(?![\w\[])");

    /// <summary>"die einzige Hebamme im Kreiskrankenhaus Wolfach", "le seul pompier volontaire de la
    /// caserne de Saint-Flour", "el único traductor de árabe del Juzgado de Paz", "a única enfermeira
    /// do Hospital São Lucas": the only one of a role at a named place, in German, French, Spanish
    /// or Portuguese; the words that say "the only" are cue enough.</summary>
    private static readonly Regex OnlyOneElsewhere = RedactionPatterns.Create(
        @"(?<![\w\[])(?<v>(?i:(?:die|der|das)[ \t]+einzigen?|(?:le|la)[ \t]+seule?|(?:el|la|lo)[ \t]+únic[oa]|(?:o|a)[ \t]+únic[oa])"
        + @"(?:[ \t]+[\p{L}\-]+){1,5}?[ \t]+(?i:am|im|an[ \t]+der|in[ \t]+der|beim?|bei[ \t]+der|de[ \t]+la|de[ \t]+l['’]|du|des|del|de|do|da|dos|das|en|no|na|à|au)"
        + @"(?:[ \t]+(?:[\p{Ll}]+[ \t]+){0,2})?[ \t]*" + PlaceWord + @"(?:[ \t]+(?:(?:de|del|da|do|di|du|des|la|le|am|an|der)[ \t]+)*" + PlaceWord + @"){0,8})(?![\w\[])");

    /// <summary>"I work at Hargrove &amp; Lutz as their only in-house paralegal".</summary>
    private static readonly Regex PlaceThenRole = RedactionPatterns.Create(
        @"(?<![\w\[])(?i:(?:i|s?he|they|my[ \t]+\p{L}+)[ \t]+(?:\p{L}+[ \t]+)?work(?:s|ed)?[ \t]+(?:at|for))[ \t]+"
        + @"(?<v>" + Place + @"[ \t]+(?i:as[ \t]+(?:(?:the|a|an|their|its|his|her)[ \t]+)?)(?:" + Modifier + @"[ \t]+){0,4}" + Role + @")(?![\w\[])");

    /// <summary>A job title and the organisation on a line of their own, as a signature block writes
    /// them ("Office Manager | Brightwater Dental", "Senior Account Manager, Meridian Freight Ltd.",
    /// "Director of Nursing - St. Agnes Hospital"): capitalised words holding an occupation or a
    /// title word, a bar, comma, dash or "at", then up to eight capitalised words.</summary>
    private static readonly Regex SignatureLine = RedactionPatterns.Create(
        @"(?<=\n)[ \t]*(?<v>(?:\p{Lu}[\p{L}\-]*[ \t]+(?:(?:of|and|&)[ \t]+)?){0,4}(?:" + Role
        + @"|(?i:manager|coordinator|director|officer|specialist|consultant|analyst|associate|administrator|executive|president|vice[ \t]+president|partner|medicine|counsel|representative|advisor|adviser|lead|head)s?(?![\w\-]))"
        + @"(?:[ \t]+(?:of|and|&)[ \t]+\p{Lu}[\p{L}\-]*)?[ \t]*(?:\||,|[-–—]|[ \t]at)[ \t]*(?:\p{Lu}[\p{L}'’\-.]*|&|\d+)"
        + @"(?:[ \t]+(?:\p{Lu}[\p{L}'’\-.]*|&|of|and|for|the|\d+)){0,7})[ \t]*(?=\r?\n|$)");

    public static DetailFinder Finder { get; } = new(RedactionKind.Workplace, Find, [RoleThenPlace, PlaceThenRole, OnlyOneElsewhere, SignatureLine]);

    public static void Find(string text, List<Detected> found)
    {
        RedactionPatterns.AddAll(RoleThenPlace, text, RedactionKind.Workplace, found);
        RedactionPatterns.AddAll(PlaceThenRole, text, RedactionKind.Workplace, found);
        RedactionPatterns.AddAll(OnlyOneElsewhere, text, RedactionKind.Workplace, found);
        RedactionPatterns.AddAll(SignatureLine, text, RedactionKind.Workplace, found);
    }
}
