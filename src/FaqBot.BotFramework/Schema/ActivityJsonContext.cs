using System.Text.Json;
using System.Text.Json.Serialization;
using FaqBot.BotFramework.DirectLine;

namespace FaqBot.BotFramework.Schema;

/// <summary>Serialization code generated at build time for the types that cross the wire on
/// every turn; other types fall back to reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(List<Activity>))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationResponse))]
[JsonSerializable(typeof(StartRequest))]
internal sealed partial class ActivityJsonContext : JsonSerializerContext;
