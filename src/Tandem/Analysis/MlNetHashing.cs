namespace Tandem.Analysis;

/// <summary>
/// ML.NET's MurmurHash3 variants (<c>Microsoft.ML.Internal.Utilities.Hashing</c>, MIT licence),
/// bit for bit: the hashed n-gram features of a trained model are these hashes, so any other
/// hash would address other weights.
/// </summary>
internal static class MlNetHashing
{
    /// <summary>A token's hash as ML.NET's HashingTransformer (model version 3 and later) takes it: the UTF-8 bytes of the UTF-16 chars, one by one.</summary>
    public static uint MurmurHashV2(uint hash, ReadOnlySpan<char> span)
    {
        var length = 0;
        ulong cur = 0;
        var bits = 0;
        foreach (var ch in span)
        {
            uint c = ch;
            if (c <= 0x7F)
            {
                cur |= c << bits;
                bits += 8;
            }
            else if (c <= 0x7FF)
            {
                cur |= (ulong)((c & 0x3F) | ((c << 2) & 0x1F00) | 0xC080) << bits;
                cur = ((cur & 0xFF) << 8) | (cur >> 8);
                bits += 16;
            }
            else
            {
                // A char is at most 0xFFFF, so ML.NET's four-byte branch is never taken here.
                cur |= (ulong)((c & 0x3F) | ((c << 2) & 0x3F00) | ((c << 4) & 0xF0000) | 0xE08080) << bits;
                cur = ((cur & 0xFF) << 16) | (((cur >> 8) & 0xFF) << 8) | (cur >> 16);
                bits += 24;
            }

            if (bits >= 32)
            {
                hash = MurmurRound(hash, (uint)cur);
                cur >>= 32;
                bits -= 32;
                length += 4;
            }
        }

        if (bits > 0)
        {
            length += bits / 8;
        }

        uint tail = 0;
        switch (length & 3)
        {
            case 3:
                tail ^= (uint)(((cur >> 16) & 0xFF) << 16);
                goto case 2;
            case 2:
                tail ^= (uint)(((cur >> 8) & 0xFF) << 8);
                goto case 1;
            case 1:
                tail ^= (uint)(cur & 0xFF);
                tail *= 0xCC9E2D51;
                tail = uint.RotateLeft(tail, 15);
                tail *= 0x1B873593;
                hash ^= tail;
                break;
        }

        return MixHash(hash ^ (uint)length);
    }

    /// <summary>The hash of a sequence of token hashes: an n-gram.</summary>
    public static uint MurmurHash(uint hash, ReadOnlySpan<uint> data)
    {
        foreach (var chunk in data)
        {
            hash = MurmurRound(hash, chunk);
        }

        hash = MurmurRound(hash, (uint)data.Length);
        return MixHash(hash);
    }

    public static uint MurmurRound(uint hash, uint chunk)
    {
        chunk *= 0xCC9E2D51;
        chunk = uint.RotateLeft(chunk, 15);
        chunk *= 0x1B873593;
        hash ^= chunk;
        hash = uint.RotateLeft(hash, 13);
        hash *= 5;
        hash += 0xE6546B64;
        return hash;
    }

    public static uint MixHash(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x85EBCA6B;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35;
        hash ^= hash >> 16;
        return hash;
    }
}
