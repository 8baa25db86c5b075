using System;

namespace LeadAlign.Cli.Simulation
{
    /// <summary>
    /// Independent random streams of one seeded month: one per lead (everything about that lead, from its arrival to its last
    /// call) and one per routine of the world (the reps' own deals, marketing's nurture e-mails, the queue picks). A what-if run
    /// (<c>simulate --compare</c>) then draws the same numbers for the same lead in both runs, so a lead's path differs only where
    /// the change made it differ (common random numbers), not because one shared stream shifted by a draw made elsewhere.
    /// </summary>
    public static class RandomStreams
    {
        /// <summary>The stream of the lead with <paramref name="number"/> (0 upward, in order of arrival).</summary>
        public static Random ForLead(int seed, int number) => new(Mix(seed, 1, number));

        /// <summary>The stream of a routine of the world, <paramref name="routine"/> a small constant naming it.</summary>
        public static Random ForRoutine(int seed, int routine) => new(Mix(seed, 2, routine));

        /// <summary>A 32-bit seed from the three numbers (the finaliser of SplitMix64, so nearby inputs give unrelated seeds).</summary>
        private static int Mix(int seed, int kind, int index)
        {
            unchecked
            {
                var value = ((ulong)(uint)seed << 32) ^ ((ulong)(uint)kind << 28) ^ (uint)index;
                value += 0x9E3779B97F4A7C15UL;
                value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
                value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
                value ^= value >> 31;
                return (int)(value & 0x7FFFFFFF);
            }
        }
    }
}
