using System.Globalization;

namespace FaqBot.Web.Handoffs;

/// <summary>Where the handoff pages live.</summary>
public static class HandoffRoutes
{
    public const string Queue = "/handoffs";

    public static string Item(long id) => $"/handoffs/{id.ToString(CultureInfo.InvariantCulture)}";
}
