using System.Security.Cryptography;
using System.Text;

namespace FaqBot.Core.Embeddings;

/// <summary>
/// One file of stored vectors: the model's identity, then each text's SHA-256 with its vector, then
/// the SHA-256 of everything before it. <see cref="Read"/> gives null for a file that is missing,
/// of another model, cut short or altered; <see cref="WriteAsync"/> replaces the file whole (a
/// temporary file renamed over it), so a reader never sees half a file.
/// </summary>
internal static class VectorFile
{
    private const int Magic = 0x56_42_51_46; // "FQBV"
    private const int FormatVersion = 1;
    private const int HashBytes = 32;

    /// <summary>The key a text's vector is stored under.</summary>
    public static string Key(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static Dictionary<string, float[]>? Read(byte[] bytes, string identity)
    {
        if (bytes.Length < HashBytes
            || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - HashBytes)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - HashBytes)))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - HashBytes), Encoding.UTF8);
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != FormatVersion || reader.ReadString() != identity)
            {
                return null;
            }

            var dimensions = reader.ReadInt32();
            var count = reader.ReadInt32();
            if (dimensions <= 0 || count < 0 || reader.BaseStream.Length - reader.BaseStream.Position != (long)count * (HashBytes + (dimensions * sizeof(float))))
            {
                return null;
            }

            var vectors = new Dictionary<string, float[]>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var key = Convert.ToHexString(reader.ReadBytes(HashBytes));
                var vector = new float[dimensions];
                for (var d = 0; d < dimensions; d++)
                {
                    vector[d] = reader.ReadSingle();
                }

                vectors[key] = vector;
            }

            return vectors;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    public static async Task WriteAsync(string path, string identity, IReadOnlyDictionary<string, float[]> vectors, CancellationToken cancellationToken)
    {
        var dimensions = vectors.Count == 0 ? 1 : vectors.Values.First().Length;
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(identity);
            writer.Write(dimensions);
            writer.Write(vectors.Count);
            foreach (var (key, vector) in vectors)
            {
                writer.Write(Convert.FromHexString(key));
                foreach (var value in vector)
                {
                    writer.Write(value);
                }
            }
        }

        body.Write(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await file.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length), cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
