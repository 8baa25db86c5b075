using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace LeadAlign.Alerts
{
    /// <summary>
    /// What a rep alert (la_leadalert.la_recentalerts) remembers to throttle itself per lead: each lead it notified about within the
    /// throttle time, with when, written as "lead-id yyyy-MM-ddTHH:mm:ssZ" entries separated by semicolons. Entries older than the
    /// throttle time are dropped whenever the alert fires again, so the column holds only the leads that would still be throttled;
    /// should it still outgrow the column, the oldest entries go first.
    /// </summary>
    internal sealed class RecentAlerts
    {
        private const string Format = "yyyy-MM-ddTHH:mm:ssZ";

        private readonly Dictionary<Guid, DateTime> _lastAlertOn;

        private RecentAlerts(Dictionary<Guid, DateTime> lastAlertOn)
        {
            _lastAlertOn = lastAlertOn;
        }

        /// <summary>The column's entries; an entry that cannot be read is left out (the alert then fires for that lead once more).</summary>
        public static RecentAlerts Parse(string? text)
        {
            var entries = new Dictionary<Guid, DateTime>();
            foreach (var entry in (text ?? string.Empty).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = entry.Trim().Split(' ');
                if (parts.Length == 2
                    && Guid.TryParse(parts[0], out var lead)
                    && DateTime.TryParseExact(parts[1], Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var on))
                {
                    entries[lead] = on;
                }
            }

            return new RecentAlerts(entries);
        }

        /// <summary>Whether the alert notified about <paramref name="leadId"/> less than <paramref name="throttle"/> before <paramref name="now"/>.</summary>
        public bool Throttled(Guid leadId, DateTime now, TimeSpan throttle) =>
            _lastAlertOn.TryGetValue(leadId, out var last) && now.ToUniversalTime() - last < throttle;

        /// <summary>Records a notification about <paramref name="leadId"/> at <paramref name="now"/> and forgets the entries past the throttle.</summary>
        public void Record(Guid leadId, DateTime now, TimeSpan throttle)
        {
            var utc = now.ToUniversalTime();
            foreach (var expired in _lastAlertOn.Where(entry => utc - entry.Value >= throttle).Select(entry => entry.Key).ToList())
            {
                _lastAlertOn.Remove(expired);
            }

            _lastAlertOn[leadId] = new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        }

        /// <summary>The entries, newest first, as many as fit in <paramref name="maxLength"/> characters.</summary>
        public string ToString(int maxLength)
        {
            var text = new StringBuilder();
            foreach (var entry in _lastAlertOn.OrderByDescending(entry => entry.Value))
            {
                var written = entry.Key.ToString("D") + " " + entry.Value.ToString(Format, CultureInfo.InvariantCulture);
                if (text.Length + written.Length + 1 > maxLength)
                {
                    break;
                }

                text.Append(text.Length == 0 ? string.Empty : ";").Append(written);
            }

            return text.ToString();
        }
    }
}
