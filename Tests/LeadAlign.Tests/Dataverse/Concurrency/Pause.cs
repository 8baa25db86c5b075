using System;
using System.Collections.Concurrent;
using System.Threading;
using Xunit;

namespace LeadAlign.Tests.Dataverse.Concurrency
{
    /// <summary>
    /// A point where a test plug-in stops inside its open transaction until the test lets it go: how the concurrency scenarios order
    /// their threads (never with sleeps). A plug-in finds its pause by the marker the test wrote into the row's description.
    /// </summary>
    internal sealed class Pause
    {
        /// <summary>How long anything waits for the other side before the test fails (a broken scenario fails, it never hangs).</summary>
        public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

        private const string Prefix = "pause:";
        private const string FailPrefix = "pause-then-fail:";
        private static readonly ConcurrentDictionary<string, Pause> Open = new(StringComparer.Ordinal);
        private readonly ManualResetEventSlim _reached = new();
        private readonly ManualResetEventSlim _released = new();
        private readonly string _name = Guid.NewGuid().ToString("N");

        private Pause()
        {
        }

        /// <summary>The description that makes the plug-in stop here.</summary>
        public string Marker => Prefix + _name;

        /// <summary>The description that makes the plug-in stop here, then refuse the operation (so it rolls back).</summary>
        public string FailMarker => FailPrefix + _name;

        public static Pause New()
        {
            var pause = new Pause();
            Open[pause._name] = pause;
            return pause;
        }

        /// <summary>
        /// Called by the plug-in with the row's description: stops at the pause it names (true when the operation must then fail), or
        /// returns at once for any other description.
        /// </summary>
        public static bool HoldIfMarked(string? description)
        {
            var fail = description?.StartsWith(FailPrefix, StringComparison.Ordinal) == true;
            if (!fail && description?.StartsWith(Prefix, StringComparison.Ordinal) != true)
            {
                return false;
            }

            var pause = Open[description!.Substring(fail ? FailPrefix.Length : Prefix.Length)];
            pause._reached.Set();
            if (!pause._released.Wait(Patience))
            {
                throw new TimeoutException("The test never released the pause.");
            }

            return fail;
        }

        /// <summary>Waits until the plug-in stopped here (its transaction is open, its writes made).</summary>
        public void WaitUntilReached() => Assert.True(_reached.Wait(Patience), "The plug-in never reached the pause.");

        public void Release() => _released.Set();
    }
}
