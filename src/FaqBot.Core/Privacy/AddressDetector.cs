using System.Buffers;
using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>Postal addresses of many countries, read as a start and the parts that follow it.
/// <list type="bullet">
/// <item>A start is a street line: a house number (also "5/18", "12a"), one to four street-name
/// words and a street type ("12 Oak Street", "123 Queen St W"; "2 pills every day" is none:
/// without a cue the words must be capitalised); a street type before the name ("88 Rue
/// Saint-Denis", "Calle de Alcalá 42", "Av. Insurgentes Sur 1602"); a street word glued on or
/// after the name with the number behind ("Lindenstraße 12a", "Schönhauser Allee 147",
/// "Prinsengracht 263-1"); a PO box; or a postcode that only an address has (UK "HG2 8QT",
/// Canadian "M5H 2M9", Irish Eircode "D08 VF8H", Australian "NSW 2026", US "AZ 86003"), with the
/// town written before it; or a US ZIP code after a place cue ("I live in 60614", "closer to 94110").</item>
/// <item>A flat, unit or house number ("Flat 3B", "No. 45") starts an address only when the
/// parts after it reach a postcode.</item>
/// <item>After the start, comma-separated parts are taken while each is a unit ("Apt 4", "3º
/// izq."), a capitalised place ("Dundalk", "Co. Cork", "Indiranagar 1st Stage"), a street line,
/// or a postcode with or without its town ("80331 München", "1016 GV Amsterdam", "Chennai
/// 600087", "Toronto ON M5H 2M9"); at most <see cref="MaxParts"/>.</item>
/// </list>
/// Adjacent pieces are joined into one address. A sentence's full stop after "St." stays.</summary>
internal static class AddressDetector
{
    private const int MaxParts = 6;

    private const string Suffixes =
        "Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|"
        + "Highway|Hwy|Parkway|Pkwy|Square|Sq|Trail|Trl|Alley|Loop|Crescent|Cres|Plaza|Expressway|Expy|Freeway|Fwy|Turnpike|"
        + "Pike|Row|Crossing|Ridge|Cove|Heights|Hts|Close|Grove|Gardens|Gdns|Mews|Hill|Parade|Pde|"
        + "Esplanade|Quay|Wharf|Vale|Hollow|Broadway|Promenade|Marg|Nagar|Gali";

    /// <summary>A word after the street type: "Queen St W", "Pembroke Street Upper".</summary>
    private const string AfterType = @"(?:[ \t]+(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West|Upper|Lower|Extension|Ext\.?))?";

    private const string Direction = @"(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?[ \t]+)?";

    /// <summary>A house number: "12", "12a", "5/18" (unit 5 at number 18), "263-1".</summary>
    private const string Number = @"(?<![\w\]$#.,/\-])\d{1,6}[A-Za-z]?(?:/\d{1,5}[A-Za-z]?)?[ \t]+";

    private const string Ordinal = @"\d{1,3}(?i:st|nd|rd|th)";

    /// <summary>A capitalised word in any script, or an abbreviation such as "Co." or "Col." (a
    /// town's full stop ends the sentence).</summary>
    private const string CapWord = @"(?:(?:Co|Col|St|Ste|Mt|Ft|Av|Ave|Rd|Dr|No|Pt|Bd|Blvd|Apt|Cres|Sq|Pl|Ln|Ct|Nr)\.|\p{Lu}[\p{L}'’]{0,30}(?:-\p{L}[\p{L}'’]{0,30}){0,3})";

    private const string Particle = @"(?:de|del|la|las|los|da|do|dos|das|di|du|des|le|della|dei|degli|delle|dello|van|von|der|den|op|aan|het)";

    /// <summary>A particle inside a name, before a capitalised word ("Oaxaca de Juárez"); never the
    /// last word of one ("... 50125 Firenze da marzo": "da" begins the sentence's own words).</summary>
    private const string InnerParticle = Particle + @"(?=[ \t]+\p{Lu})";

    private const string Unit =
        @"(?:(?i:apartment|apto|appt|apt|unit|suite|ste|flat|floor|fl|room|rm|building|bldg|block|bloco|lot|no|ap|кв|piso|depto|dpto|andar|etage|whg|m(?=\.)|mieszkanie)(?![a-z])\.?[ \t]*\#?[ \t]*(?:\d{1,5}[A-Za-z]?(?:/\d{1,5})?|[A-Za-z]\d{0,4})(?![\w])"
        + @"|\#[ \t]*(?:\d{1,5}[A-Za-z]?|[A-Za-z]\d{0,4})(?![\w])"
        + @"|\d{1,2}[º°ª](?:[ \t]*(?i:izq|izda|dcha|drcha|der|ctro|[A-Z])\.?)?)";

    private const string NotAPlace =
        @"(?!(?:And|But|So|Or|Nor|Can|Could|Would|Will|Should|Is|Are|Was|Do|Does|Did|Please|Thanks|Thank|Thx|Cheers|Regards|Best|My|The|What|When|How|Where|Why|Who"
        + @"|Also|Then|Call|Text|Email|Phone|Tel|Mobile|Cell|If|It|Its|We|You|This|That|Near|See|Let|Hi|Hello|Ok|Okay|Yes|No|Not|I|I'm|Im|Ta|Love|Sincerely|Kind|Warm)\b)";

    private const string States =
        "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
        + "|ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|YT|NT|NU|NSW|VIC|QLD|SA|TAS|ACT";

    /// <summary>Postcodes only an address has: UK, Canadian, Irish (Eircode), Australian with its state.</summary>
    private const string StrongPostcode =
        @"(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[ABD-HJLNP-UW-Z]{2}"
        + @"|[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \t\-]?\d[ABCEGHJ-NPRSTV-Z]\d"
        + @"|(?:[ACDEFHKNPRTVWXY]\d{2}|D6W)[ \t]?(?=[0-9A-Z]{0,3}[A-Z])(?=[A-Z]{0,3}\d)[0-9A-Z]{4}"
        + @"|(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)[ \t]+\d{4})(?![\w\[])";

    /// <summary>A US state or Canadian province with a ZIP code: a postcode only after a town ("Boise, ID 83706").</summary>
    private const string StateZip = @"(?:" + States + @")[ \t]+\d{5}(?:-\d{4})?(?![\w\[])";

    /// <summary>Any postcode in a part after the start: also bare digits ("80331"), with letters
    /// ("1016 GV"); never the first group of a longer number (a phone number after the address).</summary>
    private const string Postcode =
        @"(?:" + StrongPostcode + @"|〒?[ \t]?\d{3}-\d{4}|\d{2}-\d{3}|(?:(?:" + States + @")[ \t]+)?\d{4,6}(?:-\d{3,4})?(?:[ \t]?[A-Z]{2}(?![\w]))?(?![\w\[]|[ \t.\-]?\d))";

    /// <summary>A place: capitalised words, perhaps with a district number ("Dublin 2").</summary>
    private const string Place = NotAPlace + @"(?:" + CapWord + "|" + Ordinal + @")(?:[ \t]+(?:" + NotAPlace + CapWord + "|" + Ordinal + "|" + InnerParticle + @")){0,3}"
        + @"(?:[ \t]+\d{1,2}(?![\w\[\-/:.]|[ \t]\d))?";

    private const string Tail = @"(?![\w'’\[])";

    private static readonly Regex Capitalised = RedactionPatterns.Create(
        Number + Direction + @"(?:(?:\p{Lu}[\p{L}'’\-]{0,30}|" + Ordinal + @")[ \t]+){1,4}(?:" + Suffixes + @")" + AfterType + RouteNumber + Tail + @"(?:\.?[ \t]*,?[ \t]*" + Unit + ")?");

    /// <summary>A rural route's number after its type, before a comma: "2290 County Road 11, Red Wing".</summary>
    private const string RouteNumber = @"(?:[ \t]+\d{1,4}(?=[ \t]*,))?";

    /// <summary>Words after which an address is given: "I live at", "staying at", "address:", "send it to".</summary>
    private const string AddressCue =
        @"(?i:\b(?:live[sd]?[ \t]+(?:at|on)|living[ \t]+(?:at|on)|reside[sd]?[ \t]+(?:at|on)|residing[ \t]+(?:at|on)|located[ \t]+(?:at|on)"
        + @"|stay(?:ing)?[ \t]+(?:at|on)|address(?:[ \t]+is|[ \t]*[:\-])|(?:mail|send|post|forward)(?:[ \t]+(?:it|them|this|that|(?:the|my|his|her|our|their)[ \t]+[a-z]+))?[ \t]+to))[ \t]*:?[ \t]*";

    private static readonly Regex Cued = RedactionPatterns.Create(
        AddressCue + @"(?<v>" + Number + Direction + @"(?:(?:[A-Za-z][A-Za-z'’\-]{0,30}|" + Ordinal + @")[ \t]+){1,4}(?i:" + Suffixes + ")" + AfterType + Tail + @"(?:\.?[ \t]*,?[ \t]*" + Unit + ")?)");

    /// <summary>After an address cue, a house number (also "1-2-3", "84/92") and a place with no street
    /// type ("We live at 1-2-3 Shibuya, Shibuya-ku, Tokyo 150-0002"): an address only when the parts
    /// after it reach a postcode.</summary>
    private static readonly Regex CuedNumbered = RedactionPatterns.Create(
        AddressCue + @"(?<v>(?<![\w\]$#.,/\-])\d{1,5}(?:[\-/]\d{1,5}){0,3}[A-Za-z]?[ \t]+" + Place + ")" + Tail);

    /// <summary>A postcode named as one: "my pin code is 400050", "postcode: 00-514", "the 10027 zip code".</summary>
    private static readonly Regex NamedPostcode = RedactionPatterns.Create(
        @"(?i:\b(?:zip|pin|postal|post)[ \t]?code|\bpincode|\bpostcode|\bplz|\bcep|c[oó]digo[ \t]+postal|code[ \t]+postal)(?![a-z])[ \t]*(?:is[ \t]+|[:\#\-][ \t]*)?"
        + @"(?<v>[A-Za-z\d]{2,8}(?:[ \-][A-Za-z\d]{3,4})?)(?![\w\[]|[ \-]\d)"
        + @"|(?<![\w\[\-.])(?<v>\d{3,6}(?:[ \-]\d{3,4})?)[ \t]+(?i:(?:zip|pin|postal|post)[ \t]?code|pincode|postcode)(?![a-z])");

    /// <summary>A street line in capitals ("209 W MONUMENT ST APT 3"): an address only when the parts
    /// after it reach a postcode ("..., BALTIMORE MD 21201"), since "2 BLOCKS DOWN THE ST..." is none.</summary>
    private static readonly Regex CapitalsStreet = RedactionPatterns.Create(
        Number + Direction + @"(?:(?:\p{Lu}[\p{Lu}'’\-]{0,30}|" + Ordinal + @")[ \t]+){1,4}(?:" + Suffixes.ToUpperInvariant() + @")(?:[ \t]+(?:N|S|E|W|NE|NW|SE|SW))?" + Tail + @"(?:\.?[ \t]*,?[ \t]*" + Unit + ")?");

    /// <summary>A street type before the name: "88 Rue Saint-Denis", "Calle de Alcalá 42", "Av. Insurgentes Sur 1602",
    /// and after a house number "7 Avenue Jean Jaurès", "12 Allée des Tilleuls".</summary>
    private static readonly Regex TypeFirst = RedactionPatterns.Create(
        @"(?:(?<![\w\]$#.,/\-])\d{1,5}[A-Za-z]?,?[ \t]+(?<![\w\[])(?i:" + StreetTypes + "|" + NumberedStreetTypes + @")|(?<![\w\[])(?:" + StreetTypes + @"))"
        + @"(?:[ \t]+" + Particle + @")*[ \t]+" + CapWord + @"(?:[ \t]+(?:" + CapWord + "|" + InnerParticle + @")){0,3}(?:[ \t]+\d{1,5}[A-Za-z]?(?:[/\-]\d{1,4}[A-Za-z]?)?)?" + Tail);

    /// <summary>Street types written before the name; in lower case only after a house number ("5 rue de la Paix").</summary>
    private const string StreetTypes = @"Rue|Rua|Calle|Avenida|Av\.|Avda\.|Via|Viale|Piazza|Corso|Chemin|Carrer|Paseo|Plaza|Largo|Travessa|Alameda|Boulevard|Bd|ul\.|al\.|Ul\.|Al\.|вул\.|ул\.|просп\.|пр-т|пер\.|бул\.|пл\.|вулиця|улица|проспект";

    /// <summary>Street types written before the name that are also everyday words ("Avenue", "Place",
    /// "Route"): only after a house number.</summary>
    private const string NumberedStreetTypes =
        @"Avenue|All[ée]e|Impasse|Quai|Cours|Route|Chauss[ée]e|Place|Passage|Square|Faubourg|Estrada|Strada|Ulica|Rambla|Ronda|Camino|Carretera|Calzada|Pasaje|Jir[óo]n";

    /// <summary>A street word glued on or after the name, then the number: "Lindenstraße 12a", "Schönhauser Allee 147".</summary>
    private static readonly Regex NumberLast = RedactionPatterns.Create(
        @"(?<![\w\[])(?:" + CapWord + @"[ \t\-])?\p{Lu}\p{Ll}{0,30}(?:stra(?:ß|ss)e|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|straat|laan|gracht|plein|kade|singel|dijk|vej|gatan|gata|veien|gade)"
        + @"[ \t]+\d{1,4}[a-z]?(?:[/\-](?:\d{1,4}[a-z]?|[IVX]{1,4}|hs|bis))?" + Tail
        + @"|(?<![\w\[])(?:Am|An[ \t]der|Auf[ \t]der|Im|In[ \t]der|Zum|Zur|Unter[ \t]den)[ \t]+\p{Lu}\p{Ll}{2,30}[ \t]+\d{1,4}[a-z]?(?=,?[ \t]*\d{5}[ \t]+\p{Lu})"
        + @"|(?<![\w\[])" + CapWord + @"[ \t]+(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Ring|Damm|Chaussee|Ufer|Straat|Laan|Plein|Kade)[ \t]+\d{1,4}[a-z]?(?:[/\-]\d{1,4}[a-z]?)?" + Tail);

    private static readonly Regex PostOfficeBox = RedactionPatterns.Create(
        @"(?i)\bP\.?[ \t]?O\.?[ \t]*Box[ \t]*\#?[ \t]*\d{1,6}(?![\w])");

    /// <summary>A start that needs a postcode among the parts after it: "Flat 3B", "No. 45", "Unit 5".</summary>
    private static readonly Regex WeakStart = RedactionPatterns.Create(
        @"(?<![\w\[])(?:(?i:flat|apt|apartment|unit|suite|no|h\.?[ \t]?no|d\.?[ \t]?no|door[ \t]no|plot[ \t]no)\.?[ \t]*\#?[ \t]*\d{1,5}[A-Za-z]?(?:[/\-]\d{1,5}[A-Za-z]?){0,3}(?:/[A-Za-z])?)(?=[ \t]*,)");

    /// <summary>A postcode only an address has ("HG2 8QT"), or a state and ZIP code ("ID 83706").</summary>
    private static readonly Regex Postal = RedactionPatterns.Create(@"(?<![\w\[])(?:" + StrongPostcode + "|(?<state>" + StateZip + "))");

    /// <summary>The town written before a postcode ("Harrogate ", "Boise, "), read in the few characters before it.</summary>
    private static readonly Regex TownBefore = RedactionPatterns.Create(@"(?<![\w\[])" + Town + @",?[ \t]+\z");

    /// <summary>How far before a postcode its town can start.</summary>
    private const int TownWindow = 64;

    /// <summary>Every street-type word of <see cref="TypeFirst"/> and <see cref="NumberLast"/>: text
    /// without one skips those patterns.</summary>
    private static readonly SearchValues<string> StreetWords = SearchValues.Create(
        ["rue", "rua", "calle", "ul.", "al.", "avenida", "av.", "avda", "via", "viale", "piazza", "corso", "chemin", "carrer", "paseo", "plaza", "largo",
         "travessa", "alameda", "boulevard", "bd", "straße", "strasse", "str.", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer",
         "chaussee", "straat", "laan", "gracht", "plein", "kade", "singel", "dijk", "vej", "gata", "veien", "gade", "avenue", "allée",
         "allee", "impasse", "quai", "cours", "route", "chaussée", "place", "passage", "square", "faubourg", "estrada", "strada",
         "ulica", "вул.", "ул.", "просп.", "пр-т", "пер.", "бул.", "пл.", "вулиця", "улица", "проспект", "am ", "an der ", "auf der ", "im ", "zum ", "zur ", "rambla", "ronda", "camino", "carretera", "calzada", "pasaje", "jirón", "jiron"],
        StringComparison.OrdinalIgnoreCase);

    private const string Town = NotAPlace + CapWord + @"(?:[ \t]+" + NotAPlace + CapWord + @"){0,2}";

    private const string CjkLetters = @"\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}";

    /// <summary>An address in Chinese or Japanese script: a city or ward (市, 区, 町, 村) and the block
    /// and house numbers after it ("東京都世田谷区玉川3-14-9", "北京市朝阳区建国路88号"), with the
    /// postcode mark and postcode before it ("〒158-0094 ...").</summary>
    private static readonly Regex CjkAddress = RedactionPatterns.Create(
        @"(?:〒[ \t]?\d{3}-?\d{4}[ \t]*)?[" + CjkLetters + @"]{1,12}[市区町村縣县][" + CjkLetters + @"]{0,12}[0-9０-９]{1,5}(?:(?:[\-－−ー]|丁目|番地|番|号|號|弄|栋|棟)[0-9０-９]{0,5}){0,6}"
        + @"|〒[ \t]?\d{3}-?\d{4}[ \t]*[" + CjkLetters + @"0-9０-９\-－−]{2,60}");

    /// <summary>A US ZIP code where a place is meant.</summary>
    private static readonly Regex CuedZip = RedactionPatterns.Create(
        @"(?i:\b(?:zip(?:[ \t]?code)?|postal[ \t]+code|post[ \t]?code|live[sd]?[ \t]+in|living[ \t]+in|located[ \t]+in|based[ \t]+in|i['’]?m[ \t]+in|i[ \t]+am[ \t]+in"
        + @"|closer[ \t]+to|close[ \t]+to|nearest[ \t]+to|near|around|area)\b)[ \t]*(?:is[ \t]+)?:?[ \t]*(?<v>\d{5}(?:-\d{4})?)(?![\w\[\-.,]\d|[\w\[]|[ \t]*(?i:mg|units?|minutes?|mins?|miles?|steps|people|dollars?)\b)");

    /// <summary>One part after the start, read at <c>\G</c>.</summary>
    private static readonly Regex Part = RedactionPatterns.Create(
        @"\G(?:" + Unit + "|" + Postcode + @"(?:[ \t]+" + Place + ")?|" + @"(?:\d{1,5}[A-Za-z]?[ \t]+)?" + Place + @"(?:,?[ \t]+" + Postcode + @"(?:[ \t]+" + Place + ")?)?)" + Tail);

    private static readonly Regex HasPostcode = RedactionPatterns.Create(@"(?<![\w])(?:" + StrongPostcode + @"|\d{4,6})(?![\w])");

    /// <summary>A flat or unit number, read at <c>\G</c>: it continues an address without a comma ("ul. Marszałkowska 84/92 m. 15").</summary>
    private static readonly Regex UnitNext = RedactionPatterns.Create(@"\G" + Unit);

    public static DetailFinder Finder { get; } = new(
        RedactionKind.StreetAddress, Find, [Capitalised, CapitalsStreet, Cued, TypeFirst, NumberLast, PostOfficeBox, WeakStart, Postal, TownBefore, CuedZip, Part, HasPostcode, CuedNumbered, NamedPostcode, UnitNext, CjkAddress]);

    public static void Find(string text, List<Detected> found)
    {
        if (!RedactionPatterns.HasDigits(text, 1))
        {
            return;
        }

        var pieces = new List<(int Start, int End)>();
        var streetWords = text.AsSpan().ContainsAny(StreetWords);
        foreach (var regex in new[] { Capitalised, TypeFirst, NumberLast, PostOfficeBox })
        {
            if (!streetWords && (regex == TypeFirst || regex == NumberLast))
            {
                continue;
            }

            for (var match = regex.Match(text); match.Success; match = match.NextMatch())
            {
                pieces.Add((match.Index, Extend(text, match.Index + match.Length).End));
            }
        }

        for (var match = Postal.Match(text); match.Success; match = match.NextMatch())
        {
            var from = Math.Max(0, match.Index - TownWindow);
            var town = TownBefore.Match(text, from, match.Index - from);
            if (town.Success || !match.Groups["state"].Success)
            {
                pieces.Add((town.Success ? town.Index : match.Index, Extend(text, match.Index + match.Length).End));
            }
        }

        for (var match = Cued.Match(text); match.Success; match = match.NextMatch())
        {
            var value = match.Groups["v"];
            pieces.Add((value.Index, Extend(text, value.Index + value.Length).End));
        }

        foreach (var regex in new[] { WeakStart, CapitalsStreet, CuedNumbered })
        {
            for (var match = regex.Match(text); match.Success; match = match.NextMatch())
            {
                var start = match.Groups["v"] is { Success: true } value ? value : match;
                var (end, postcode) = Extend(text, start.Index + start.Length);
                if (postcode)
                {
                    pieces.Add((start.Index, end));
                }
            }
        }

        for (var match = CjkAddress.Match(text); match.Success; match = match.NextMatch())
        {
            if (RedactionPatterns.CountDigits(match.ValueSpan) >= 2)
            {
                pieces.Add((match.Index, match.Index + match.Length));
            }
        }

        for (var match = NamedPostcode.Match(text); match.Success; match = match.NextMatch())
        {
            var value = match.Groups["v"];
            if (RedactionPatterns.CountDigits(value.ValueSpan) >= 3)
            {
                pieces.Add((value.Index, value.Index + value.Length));
            }
        }

        for (var match = CuedZip.Match(text); match.Success; match = match.NextMatch())
        {
            var value = match.Groups["v"];
            pieces.Add((value.Index, value.Index + value.Length));
        }

        Merge(text, pieces, found);
    }

    /// <summary>Takes the comma-separated parts after <paramref name="end"/> that belong to the
    /// address; returns where they end and whether one of them holds a postcode.</summary>
    private static (int End, bool Postcode) Extend(string text, int end)
    {
        var postcode = false;
        for (var parts = 0; parts < MaxParts; parts++)
        {
            var at = end;
            while (at < text.Length && text[at] is ' ' or '\t')
            {
                at++;
            }

            if (at + 1 < text.Length && text[at] == '.' && text[at + 1] == ',')
            {
                at++;
            }

            // "São Paulo - SP, 01304-001": a dash between parts, taken only for a state or a postcode.
            var dashed = at + 1 < text.Length && at > end && text[at] == '-' && text[at + 1] is ' ' or '\t';
            if (at < text.Length && (text[at] == ',' || dashed))
            {
                at++;
                while (at < text.Length && text[at] is ' ' or '\t')
                {
                    at++;
                }
            }
            else if (at == end || !(StartsPostcode(text, at) || UnitNext.IsMatch(text, at)))
            {
                break;
            }

            var part = Part.Match(text, at);
            if (!part.Success || part.Length == 0)
            {
                break;
            }

            var hasPostcode = HasPostcode.IsMatch(part.ValueSpan);
            if (dashed && !hasPostcode && !(part.Length <= 3 && !part.ValueSpan.ContainsAnyExceptInRange('A', 'Z')))
            {
                break;
            }

            postcode |= hasPostcode;
            end = at + part.Length;
        }

        return (end, postcode);
    }

    /// <summary>Without a comma only a postcode or a unit continues the address ("Bondi NSW 2026").</summary>
    private static bool StartsPostcode(string text, int at) => at < text.Length && (char.IsAsciiDigit(text[at]) || char.IsAsciiLetterUpper(text[at]))
        && HasPostcode.Match(text, at, Math.Min(12, text.Length - at)) is { Success: true, Index: var index } && index == at;

    /// <summary>Joins pieces that overlap or are separated only by spaces and commas, and adds each address once.</summary>
    private static void Merge(string text, List<(int Start, int End)> pieces, List<Detected> found)
    {
        if (pieces.Count == 0)
        {
            return;
        }

        pieces.Sort((a, b) => a.Start.CompareTo(b.Start));
        var (start, end) = pieces[0];
        foreach (var (nextStart, nextEnd) in pieces.Skip(1))
        {
            if (nextStart <= end || text.AsSpan(end, nextStart - end).Trim(" \t,").IsEmpty)
            {
                end = Math.Max(end, nextEnd);
                continue;
            }

            found.Add(new Detected(start, end - start, RedactionKind.StreetAddress));
            (start, end) = (nextStart, nextEnd);
        }

        found.Add(new Detected(start, end - start, RedactionKind.StreetAddress));
    }
}
