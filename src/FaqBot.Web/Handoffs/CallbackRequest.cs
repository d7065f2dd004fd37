using System.Net.Mail;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Schema;
using PhoneNumbers;

namespace FaqBot.Web.Handoffs;

/// <summary>What a patient's activity asks of the callback path, read from its <c>value</c>:
/// <c>{"action": "callback-form"}</c> (the suggested action) asks for the form;
/// <c>{"action": "callback", "name", "phone", "email", "bestTime", "consent": true}</c> (the form
/// submitted from Web Chat, or the same value posted by any client) asks to be called back.</summary>
public enum CallbackAction
{
    None,
    ShowForm,
    Submit,
}

/// <summary>A callback request as submitted, checked: the name, a phone number (normalised to
/// E.164 with libphonenumber, read in the clinic's region when written without a country code) or
/// an e-mail address, an optional best time, and consent given. <see cref="Problems"/> lists, in
/// words a patient understands, what is missing or wrong; nothing is kept unless it is empty.</summary>
public sealed record CallbackRequest(string Name, string Phone, string Email, string BestTime, bool Consent, IReadOnlyList<string> Problems)
{
    public const string FormAction = "callback-form";
    public const string SubmitAction = "callback";

    public const int MaxName = 100;
    public const int MaxPhone = 40;
    public const int MaxEmail = 254;
    public const int MaxBestTime = 100;

    public bool IsValid => Problems.Count == 0;

    /// <summary>The free text a patient wrote in the form (name and best time), which the safety
    /// gate reads like any message.</summary>
    public string FreeText => string.Join(". ", new[] { Name, BestTime }.Where(t => t.Length > 0));

    public static CallbackAction ActionOf(Activity activity) =>
        activity.Value is JsonObject value && value["action"] is JsonValue action && action.TryGetValue<string>(out var name)
            ? name switch
            {
                FormAction => CallbackAction.ShowForm,
                SubmitAction => CallbackAction.Submit,
                _ => CallbackAction.None,
            }
            : CallbackAction.None;

    /// <summary>Reads and checks a submitted form; any field of the wrong type counts as missing.</summary>
    public static CallbackRequest Read(JsonObject value, string region)
    {
        var problems = new List<string>();
        var name = Field(value, "name", MaxName, "your name", problems);
        var phone = Field(value, "phone", MaxPhone, "the phone number", problems);
        var email = Field(value, "email", MaxEmail, "the e-mail address", problems);
        var bestTime = Field(value, "bestTime", MaxBestTime, "the best time to reach you", problems);
        if (name.Length == 0 || !name.Any(char.IsLetter))
        {
            problems.Add("Please give your name.");
        }

        if (phone.Length == 0 && email.Length == 0)
        {
            problems.Add("Please give a phone number or an e-mail address, so staff can reach you.");
        }

        var normalisedPhone = "";
        if (phone.Length > 0 && !TryNormalisePhone(phone, region, out normalisedPhone))
        {
            problems.Add($"The phone number does not look like a valid number (write it as you would dial it, with the country code if it is not a {region} number).");
        }

        if (email.Length > 0 && !IsEmail(email))
        {
            problems.Add("The e-mail address does not look like one (it should look like name@example.com).");
        }

        var consent = IsTrue(value["consent"]);
        if (!consent)
        {
            problems.Add("We can only keep your details if you tick the box to agree.");
        }

        return new CallbackRequest(name, normalisedPhone, email, bestTime, consent, problems);
    }

    /// <summary>A phone number in E.164 form when libphonenumber finds it valid in <paramref name="region"/>'s numbering plan (or its own country code).</summary>
    public static bool TryNormalisePhone(string phone, string region, out string e164)
    {
        e164 = "";
        var numbers = PhoneNumberUtil.GetInstance();
        try
        {
            var number = numbers.Parse(phone, region);
            if (!numbers.IsValidNumber(number))
            {
                return false;
            }

            e164 = numbers.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    private static bool IsEmail(string email) =>
        MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.StartsWith('.')
        && !address.Host.EndsWith('.');

    private static bool IsTrue(JsonNode? node) => node is JsonValue value
        && ((value.TryGetValue<bool>(out var flag) && flag)
            || (value.TryGetValue<string>(out var text) && string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase)));

    /// <summary>A text field, trimmed; empty when absent or not a string; a problem when too long.</summary>
    private static string Field(JsonObject value, string name, int max, string what, List<string> problems)
    {
        if (value[name] is not JsonValue field || !field.TryGetValue<string>(out var text))
        {
            return "";
        }

        text = text.Trim();
        if (text.Length > max)
        {
            problems.Add($"{char.ToUpperInvariant(what[0])}{what[1..]} is longer than {max} characters.");
            return "";
        }

        return text;
    }
}
