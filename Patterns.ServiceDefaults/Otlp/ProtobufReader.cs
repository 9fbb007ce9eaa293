namespace Patterns.ServiceDefaults.Otlp;

/// <summary>Just enough of the Protocol Buffers wire format to read a receiver's small answers.</summary>
internal ref struct ProtobufReader(ReadOnlySpan<byte> data)
{
    public const int WireVarint = 0;
    public const int WireLengthDelimited = 2;

    private readonly ReadOnlySpan<byte> data = data;
    private int position;

    /// <returns>False at the end of the message.</returns>
    /// <exception cref="InvalidDataException">The bytes are not protobuf.</exception>
    public bool TryReadTag(out int field, out int wireType)
    {
        if (position >= data.Length)
        {
            field = wireType = 0;
            return false;
        }

        var tag = ReadVarint();
        field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        return true;
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new InvalidDataException("A varint runs past the end of the message.");
            }

            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("A varint is longer than ten bytes.");
    }

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var length = ReadVarint();
        if (length > (ulong)(data.Length - position))
        {
            throw new InvalidDataException("A length-delimited field runs past the end of the message.");
        }

        var value = data.Slice(position, (int)length);
        position += (int)length;
        return value;
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case WireVarint:
                ReadVarint();
                break;
            case 1:
                Advance(8);
                break;
            case WireLengthDelimited:
                ReadLengthDelimited();
                break;
            case 5:
                Advance(4);
                break;
            default:
                throw new InvalidDataException($"Wire type {wireType} is not one a receiver's answer uses.");
        }
    }

    private void Advance(int count)
    {
        if (count > data.Length - position)
        {
            throw new InvalidDataException("A fixed-size field runs past the end of the message.");
        }

        position += count;
    }
}
