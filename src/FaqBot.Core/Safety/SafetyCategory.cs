namespace FaqBot.Core.Safety;

/// <summary>What the safety gate declines, in order of precedence: the most severe category found
/// anywhere in a message wins.</summary>
public enum SafetyCategory
{
    Diagnostic = 1,
    Dosing = 2,
    Urgent = 3,
}
