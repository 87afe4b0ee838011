using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

// TorchSharp 0.107's libLibTorchSharp.so was linked against GCC 13's libstdc++ and so asks for the version
// GLIBCXX_3.4.32, which Debian 12 (GCC 12, up to 3.4.30) lacks; the loader then refuses the library. The only
// symbol behind that version is _ZSt21ios_base_library_initv, and no relocation uses it, so the requirement can be
// marked weak (VER_FLG_WEAK): the loader then tolerates its absence. This task does exactly that, only on the copy in
// a build output folder, only when the system libstdc++ lacks the version, and setting a flag twice changes nothing.
public sealed class WeakenGlibcxxRequirement : Task
{
    const uint ShtGnuVerneed = 0x6ffffffe;
    const ushort VerFlgWeak = 0x2;

    [Required] public string Library { get; set; } = "";
    [Required] public string Version { get; set; } = "";

    [Output] public bool Patched { get; set; }

    public override bool Execute()
    {
        if (!File.Exists(Library)) return true;
        var systemLib = FindSystemLibstdcxx();
        if (systemLib is null)
        {
            Log.LogMessage(MessageImportance.Low, "No system libstdc++.so.6 found; leaving {0} as it is.", Library);
            return true;
        }
        if (Contains(File.ReadAllBytes(systemLib), Encoding.ASCII.GetBytes(Version + "\0")))
        {
            Log.LogMessage(MessageImportance.Low, "{0} provides {1}; leaving {2} as it is.", systemLib, Version, Library);
            return true;
        }
        var elf = File.ReadAllBytes(Library);
        var changed = MarkWeak(elf);
        if (changed is null)
        {
            Log.LogMessage(MessageImportance.Low, "{0} does not require {1}.", Library, Version);
            return true;
        }
        if (changed.Value)
        {
            File.WriteAllBytes(Library, elf);
            Log.LogMessage(MessageImportance.High, "Marked {0} weak in {1} ({2} lacks it).", Version, Library, systemLib);
        }
        Patched = true;
        return true;
    }

    // Returns null when the version is not required, false when it is already weak, true when the flag was set.
    bool? MarkWeak(byte[] elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException(Library + " is not a 64-bit little-endian ELF file.");
        var shoff = (long)BitConverter.ToUInt64(elf, 0x28);
        var shentsize = BitConverter.ToUInt16(elf, 0x3A);
        var shnum = BitConverter.ToUInt16(elf, 0x3C);
        for (var i = 0; i < shnum; i++)
        {
            var sh = shoff + (long)i * shentsize;
            if (BitConverter.ToUInt32(elf, (int)sh + 4) != ShtGnuVerneed) continue;
            var offset = (long)BitConverter.ToUInt64(elf, (int)sh + 0x18);
            var link = BitConverter.ToUInt32(elf, (int)sh + 0x28);
            var strtab = (long)BitConverter.ToUInt64(elf, (int)(shoff + link * shentsize + 0x18));
            var need = offset;
            while (true)
            {
                var count = BitConverter.ToUInt16(elf, (int)need + 2);
                var aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
                for (var a = 0; a < count; a++)
                {
                    var name = ReadString(elf, strtab + BitConverter.ToUInt32(elf, (int)aux + 8));
                    if (name == Version)
                    {
                        var flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                        if ((flags & VerFlgWeak) != 0) return false;
                        BitConverter.GetBytes((ushort)(flags | VerFlgWeak)).CopyTo(elf, (int)aux + 4);
                        return true;
                    }
                    aux += BitConverter.ToUInt32(elf, (int)aux + 12);
                }
                var next = BitConverter.ToUInt32(elf, (int)need + 12);
                if (next == 0) break;
                need += next;
            }
        }
        return null;
    }

    static string ReadString(byte[] bytes, long start)
    {
        var end = start;
        while (bytes[end] != 0) end++;
        return Encoding.ASCII.GetString(bytes, (int)start, (int)(end - start));
    }

    static string FindSystemLibstdcxx()
    {
        foreach (var dir in new[] { "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib" })
        {
            var path = Path.Combine(dir, "libstdc++.so.6");
            if (File.Exists(path)) return path;
        }
        return null;
    }

    static bool Contains(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }
}
