using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FaqBot.BotFramework.Schema;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>What a poll returns: the serialized activities after a watermark and the new
/// watermark. Written as Direct Line's <c>ActivitySet</c>,
/// <c>{"activities":[...],"watermark":"N"}</c>, by copying each activity's stored bytes.</summary>
public sealed class ActivityPage(byte[][] activities, long watermark)
{
    private static readonly byte[] Head = "{\"activities\":["u8.ToArray();
    private static readonly byte[] Tail = "],\"watermark\":\""u8.ToArray();
    private static readonly byte[] End = "\"}"u8.ToArray();

    public long Watermark { get; } = watermark;

    public int Count => activities.Length;

    /// <summary>The JSON's length in bytes, for Content-Length.</summary>
    public int ByteCount
    {
        get
        {
            var length = Head.Length + Tail.Length + End.Length + DigitCount(Watermark) + Math.Max(0, activities.Length - 1);
            foreach (var activity in activities)
            {
                length += activity.Length;
            }

            return length;
        }
    }

    public void WriteTo(IBufferWriter<byte> output)
    {
        output.Write(Head);
        for (var i = 0; i < activities.Length; i++)
        {
            if (i > 0)
            {
                output.Write(","u8);
            }

            output.Write(activities[i]);
        }

        output.Write(Tail);
        var digits = output.GetSpan(20);
        Watermark.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        output.Advance(written);
        output.Write(End);
    }

    /// <summary>The activities as objects (tests and tools; the server only copies bytes).</summary>
    public IReadOnlyList<Activity> Read() =>
        [.. activities.Select(json => JsonSerializer.Deserialize(json, ActivityJsonContext.Default.Activity)!)];

    public override string ToString()
    {
        var buffer = new ArrayBufferWriter<byte>(ByteCount);
        WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static int DigitCount(long value)
    {
        var digits = 1;
        for (; value >= 10; value /= 10)
        {
            digits++;
        }

        return digits;
    }
}
