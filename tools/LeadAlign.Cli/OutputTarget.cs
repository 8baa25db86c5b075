using System;
using System.IO;

namespace LeadAlign.Cli
{
    /// <summary>
    /// Where a command writes: checked before the work starts (so a bad <c>--output</c> fails at once, not after a whole
    /// simulation), and the writing itself, so that a folder or file that cannot be written fails with
    /// <see cref="ExitCode.Output"/> and a message naming it and saying what to give instead.
    /// </summary>
    internal static class OutputTarget
    {
        /// <summary>
        /// Creates <paramref name="folder"/> if need be and proves a file can be created in it, and that each of
        /// <paramref name="files"/> (names in the folder the command will overwrite) can be written.
        /// </summary>
        public static void CheckFolder(string folder, string advice, params string[] files)
        {
            Writing(folder, advice, () =>
            {
                for (var ancestor = folder; ancestor != null; ancestor = Path.GetDirectoryName(ancestor))
                {
                    if (File.Exists(ancestor))
                    {
                        throw new IOException($"{ancestor} is a file, not a folder.");
                    }
                }

                Directory.CreateDirectory(folder);
                var probe = Path.Combine(folder, $".leadalign-write-check-{Guid.NewGuid():N}");
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                }
            });
            foreach (var file in files)
            {
                CheckFile(Path.Combine(folder, file), advice);
            }
        }

        /// <summary>Proves an existing file can be opened for writing (without changing it); a file not there yet needs its folder writable.</summary>
        public static void CheckFile(string file, string advice)
        {
            Writing(file, advice, () =>
            {
                if (Directory.Exists(file))
                {
                    throw new IOException($"{file} is a folder.");
                }

                if (File.Exists(file))
                {
                    using (new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
                    {
                    }
                }
            });
        }

        /// <summary>Runs a write; an I/O failure becomes a <see cref="CommandFailure"/> with <see cref="ExitCode.Output"/> naming <paramref name="path"/>.</summary>
        public static T Writing<T>(string path, string advice, Func<T> write)
        {
            try
            {
                return write();
            }
            catch (Exception unwritable) when (unwritable is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
            {
                throw new CommandFailure(ExitCode.Output, $"Cannot write {path}: {unwritable.Message}" + Environment.NewLine + advice, unwritable);
            }
        }

        /// <inheritdoc cref="Writing{T}(string, string, Func{T})"/>
        public static void Writing(string path, string advice, Action write) =>
            Writing<object?>(path, advice, () =>
            {
                write();
                return null;
            });
    }
}
