// Makes TorchSharp 0.107's libLibTorchSharp.so loadable on a libstdc++ older than GCC 13 (Debian 12, Ubuntu 22.04).
//
// The library is linked against GCC 13, whose <iostream> references std::ios_base_library_init() under the
// symbol version GLIBCXX_3.4.32 only to force stream initialisation, which libtorch performs itself anyway.
// Older hosts stop at GLIBCXX_3.4.30, so the dynamic loader refuses the file and TorchSharp reports a
// misleading "doesn't contain a reference to libtorch-cpu-linux-x64". Setting VER_FLG_WEAK (2) on that one
// version requirement in .gnu.version_r turns the refusal into nothing at all: glibc treats a missing weak
// version as non-fatal. No other byte changes.
//
// This file is compiled by MSBuild's RoslynCodeTaskFactory (see Erts.MLNet.targets), so it targets
// netstandard and uses nothing beyond System.IO and Microsoft.Build.Utilities.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>MSBuild task: patches every libLibTorchSharp.so below an output folder when the host needs it.</summary>
public sealed class PatchLibTorchSharpForHostLibStdCxx : Microsoft.Build.Utilities.Task
{
    /// <summary>The build or publish output folder.</summary>
    [Required]
    public string OutputDirectory { get; set; } = "";

    public override bool Execute()
    {
        if (!Directory.Exists(OutputDirectory)) return true;
        var targets = LibTorchSharpLoaderFix.FindLibTorchSharp(OutputDirectory);
        if (targets.Count == 0) return true;

        string? libStdCxx = LibTorchSharpLoaderFix.FindHostLibStdCxx();
        if (libStdCxx == null)
        {
            Log.LogMessage(MessageImportance.Normal, "ERTS: no libstdc++.so.6 found on this host; libLibTorchSharp.so left as shipped.");
            return true;
        }
        if (LibTorchSharpLoaderFix.DefinesVersion(libStdCxx, LibTorchSharpLoaderFix.RequiredVersion))
            return true; // the host is new enough: nothing to do

        foreach (string file in targets)
        {
            var outcome = LibTorchSharpLoaderFix.MarkVersionWeak(file, LibTorchSharpLoaderFix.RequiredVersion);
            Log.LogMessage(MessageImportance.High, $"ERTS: {file}: {outcome} ({LibTorchSharpLoaderFix.RequiredVersion} marked weak; host libstdc++ lacks it)");
        }
        return !Log.HasLoggedErrors;
    }
}

/// <summary>What <see cref="LibTorchSharpLoaderFix.MarkVersionWeak"/> did to a file.</summary>
public enum WeakVersionOutcome { Patched, AlreadyWeak, NotRequired }

/// <summary>The ELF work behind the task, kept free of MSBuild so that tests can call it.</summary>
public static class LibTorchSharpLoaderFix
{
    public const string RequiredVersion = "GLIBCXX_3.4.32";
    public const string FileName = "libLibTorchSharp.so";

    const uint ShtGnuVerdef = 0x6ffffffd;
    const uint ShtGnuVerneed = 0x6ffffffe;
    const ushort VerFlgWeak = 0x2;

    /// <summary>libLibTorchSharp.so in the folder itself (RID-specific output) or under runtimes/linux-*/native.</summary>
    public static List<string> FindLibTorchSharp(string outputDirectory)
    {
        var found = new List<string>();
        string direct = Path.Combine(outputDirectory, FileName);
        if (File.Exists(direct)) found.Add(direct);
        string runtimes = Path.Combine(outputDirectory, "runtimes");
        if (Directory.Exists(runtimes))
            foreach (string rid in Directory.GetDirectories(runtimes, "linux*"))
            {
                string candidate = Path.Combine(rid, "native", FileName);
                if (File.Exists(candidate)) found.Add(candidate);
            }
        return found;
    }

    /// <summary>The libstdc++.so.6 the dynamic loader would pick: LD_LIBRARY_PATH first, then the usual system folders.</summary>
    public static string? FindHostLibStdCxx()
    {
        var folders = new List<string>();
        string? ldPath = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
        if (!string.IsNullOrEmpty(ldPath)) folders.AddRange(ldPath!.Split(':'));
        folders.AddRange(new[]
        {
            "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/usr/lib64", "/lib64", "/usr/lib", "/lib", "/usr/local/lib64", "/usr/local/lib",
        });
        foreach (string folder in folders)
        {
            if (folder.Length == 0) continue;
            string candidate = Path.Combine(folder, "libstdc++.so.6");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>True when the shared object defines the symbol version (its .gnu.version_d names it).</summary>
    public static bool DefinesVersion(string sharedObject, string version)
    {
        var elf = new Elf64(File.ReadAllBytes(sharedObject));
        foreach (var section in elf.Sections(ShtGnuVerdef))
        {
            long entry = section.Offset;
            for (uint i = 0; i < section.Info; i++)
            {
                ushort count = elf.U16(entry + 6);
                long aux = entry + elf.U32(entry + 12);
                for (int j = 0; j < count; j++)
                {
                    if (elf.String(section.Link, elf.U32(aux)) == version) return true;
                    aux += elf.U32(aux + 4);
                }
                uint next = elf.U32(entry + 16);
                if (next == 0) break;
                entry += next;
            }
        }
        return false;
    }

    /// <summary>Offsets of the vna_flags fields of every requirement of <paramref name="version"/> in .gnu.version_r.</summary>
    public static List<long> FindRequirementFlags(byte[] image, string version)
    {
        var elf = new Elf64(image);
        var flags = new List<long>();
        foreach (var section in elf.Sections(ShtGnuVerneed))
        {
            long entry = section.Offset;
            for (uint i = 0; i < section.Info; i++)
            {
                ushort count = elf.U16(entry + 2);
                long aux = entry + elf.U32(entry + 8);
                for (int j = 0; j < count; j++)
                {
                    if (elf.String(section.Link, elf.U32(aux + 8)) == version) flags.Add(aux + 4);
                    uint nextAux = elf.U32(aux + 12);
                    if (nextAux == 0) break;
                    aux += nextAux;
                }
                uint next = elf.U32(entry + 12);
                if (next == 0) break;
                entry += next;
            }
        }
        return flags;
    }

    /// <summary>True when every requirement of the version is already weak (or there is none).</summary>
    public static bool IsWeak(string sharedObject, string version)
    {
        byte[] image = File.ReadAllBytes(sharedObject);
        var elf = new Elf64(image);
        foreach (long at in FindRequirementFlags(image, version))
            if ((elf.U16(at) & VerFlgWeak) == 0) return false;
        return true;
    }

    /// <summary>
    /// Sets VER_FLG_WEAK on the version requirement. The patched image is written to a temporary file that then
    /// replaces the target, so a hard link into the NuGet cache is broken rather than written through.
    /// </summary>
    public static WeakVersionOutcome MarkVersionWeak(string sharedObject, string version)
    {
        byte[] image = File.ReadAllBytes(sharedObject);
        var offsets = FindRequirementFlags(image, version);
        if (offsets.Count == 0) return WeakVersionOutcome.NotRequired;
        bool changed = false;
        foreach (long at in offsets)
        {
            ushort value = (ushort)(image[at] | image[at + 1] << 8);
            if ((value & VerFlgWeak) != 0) continue;
            value |= VerFlgWeak;
            image[at] = (byte)value;
            image[at + 1] = (byte)(value >> 8);
            changed = true;
        }
        if (!changed) return WeakVersionOutcome.AlreadyWeak;

        // Write a sibling and rename it over the target (atomic on one file system) instead of writing in place:
        // the target may be a hard link into the NuGet cache, which must stay as shipped.
        string temporary = sharedObject + ".erts-patch.tmp";
        File.WriteAllBytes(temporary, image);
        File.Replace(temporary, sharedObject, destinationBackupFileName: null);
        return WeakVersionOutcome.Patched;
    }

    /// <summary>Just enough of an ELF64 little-endian reader for the version sections.</summary>
    sealed class Elf64
    {
        readonly byte[] _image;

        public Elf64(byte[] image)
        {
            if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F')
                throw new InvalidDataException("not an ELF file");
            if (image[4] != 2 || image[5] != 1)
                throw new InvalidDataException("only 64-bit little-endian ELF files are supported");
            _image = image;
        }

        public readonly struct Section
        {
            public Section(uint type, long offset, uint link, uint info) { Type = type; Offset = offset; Link = link; Info = info; }
            public uint Type { get; }
            public long Offset { get; }
            public uint Link { get; }
            public uint Info { get; }
        }

        public IEnumerable<Section> Sections(uint type)
        {
            long table = (long)U64(0x28);
            ushort size = U16(0x3A), count = U16(0x3C);
            for (int i = 0; i < count; i++)
            {
                long header = table + (long)i * size;
                if (U32(header + 4) == type) yield return At(header);
            }
        }

        Section At(long header) => new Section(U32(header + 4), (long)U64(header + 24), U32(header + 40), U32(header + 44));

        Section SectionByIndex(uint index) => At((long)U64(0x28) + (long)index * U16(0x3A));

        public string String(uint stringTable, uint offset)
        {
            long start = SectionByIndex(stringTable).Offset + offset;
            long end = start;
            while (end < _image.Length && _image[end] != 0) end++;
            return System.Text.Encoding.ASCII.GetString(_image, (int)start, (int)(end - start));
        }

        public ushort U16(long at) => (ushort)(_image[at] | _image[at + 1] << 8);
        public uint U32(long at) => (uint)(U16(at) | U16(at + 2) << 16);
        public ulong U64(long at) => U32(at) | (ulong)U32(at + 4) << 32;
    }
}
