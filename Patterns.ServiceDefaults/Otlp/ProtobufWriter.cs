using System.Buffers.Binary;
using System.Text;

namespace Patterns.ServiceDefaults.Otlp;

/// <summary>
/// Protocol Buffers wire format into one growing buffer, reused from export to export so that a
/// warm invocation's export allocates nothing here. A nested message's length is written after
/// its content (the content moves up when its length needs more than one byte), so nothing is
/// measured twice. The first <see cref="Prefix"/> bytes are left free for whoever frames the
/// message (an HTTP request head), so message and frame leave in one write.
/// </summary>
internal sealed class ProtobufWriter(int prefix)
{
    private const int WireVarint = 0;
    private const int WireFixed64 = 1;
    private const int WireLengthDelimited = 2;
    private const int WireFixed32 = 5;

    private byte[] buffer = new byte[Math.Max(4096, prefix * 2)];

    public int Prefix { get; } = prefix;

    /// <summary>Where the next byte goes; the message written since <see cref="Reset"/> ends here.</summary>
    public int Position { get; private set; } = prefix;

    public byte[] Buffer => buffer;

    public int Length => Position - Prefix;

    public void Reset() => Position = Prefix;

    public void Raw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(buffer.AsSpan(Position));
        Position += bytes.Length;
    }

    /// <summary>A string field; proto3 leaves an empty one out.</summary>
    public void String(int field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            StringAlways(field, value);
        }
    }

    /// <summary>A string field written even when empty: in a oneof, presence is the value.</summary>
    public void StringAlways(int field, string value)
    {
        Tag(field, WireLengthDelimited);
        var length = Encoding.UTF8.GetByteCount(value);
        Varint((ulong)length);
        Ensure(length);
        Position += Encoding.UTF8.GetBytes(value, buffer.AsSpan(Position));
    }

    public void Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, WireLengthDelimited);
        Varint((ulong)value.Length);
        Raw(value);
    }

    public void Fixed64(int field, ulong value)
    {
        Tag(field, WireFixed64);
        Ensure(8);
        BinaryPrimitives.WriteUInt64LittleEndian(buffer.AsSpan(Position), value);
        Position += 8;
    }

    public void Fixed32(int field, uint value)
    {
        Tag(field, WireFixed32);
        Ensure(4);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(Position), value);
        Position += 4;
    }

    public void Double(int field, double value)
    {
        Tag(field, WireFixed64);
        Ensure(8);
        BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(Position), value);
        Position += 8;
    }

    public void Bool(int field, bool value)
    {
        Tag(field, WireVarint);
        Varint(value ? 1UL : 0UL);
    }

    /// <summary>int64, uint32 and enums alike: negative numbers take ten bytes, as int64 does on the wire.</summary>
    public void Int64(int field, long value)
    {
        Tag(field, WireVarint);
        Varint((ulong)value);
    }

    /// <summary>Starts a nested message; returns what <see cref="EndMessage"/> needs to write its length.</summary>
    public int BeginMessage(int field)
    {
        Tag(field, WireLengthDelimited);
        Ensure(1);
        // One byte for the length, the common case; EndMessage makes room when it needs more.
        return Position++;
    }

    public void EndMessage(int lengthAt)
    {
        var contentStart = lengthAt + 1;
        var length = Position - contentStart;
        var size = VarintSize((ulong)length);
        if (size > 1)
        {
            Ensure(size - 1);
            System.Buffer.BlockCopy(buffer, contentStart, buffer, contentStart + size - 1, length);
            Position += size - 1;
        }

        WriteVarintAt(lengthAt, (ulong)length);
    }

    private void Tag(int field, int wireType) => Varint(((ulong)field << 3) | (uint)wireType);

    private void Varint(ulong value)
    {
        Ensure(10);
        Position += WriteVarintAt(Position, value);
    }

    private int WriteVarintAt(int at, ulong value)
    {
        var start = at;
        while (value >= 0x80)
        {
            buffer[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[at++] = (byte)value;
        return at - start;
    }

    private static int VarintSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    private void Ensure(int count)
    {
        if (Position + count > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, Position + count));
        }
    }
}
