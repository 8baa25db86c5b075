using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using LeadAlign.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadAlign.Lifecycle
{
    /// <summary>
    /// The quality of one handoff, recorded on the lead when it becomes an MQL: the required data is present (last name, company,
    /// e-mail and business phone), the e-mail domain is valid (a well-formed address whose domain is not on
    /// <see cref="FreeOrDisposableDomains"/>), the lead is no duplicate (no other open lead, MQL or SAL, has the same e-mail), and
    /// one overall yes/no, a clean handoff, when all three hold. The columns are LeadAlign's computed ones (secured, protected).
    /// Calls: one query for a duplicate when the lead has an e-mail address, none otherwise.
    /// </summary>
    internal static class HandoffQuality
    {
        /// <summary>The columns a handoff needs, as the lead's logical names.</summary>
        public static readonly string[] RequiredColumns = { LeadTable.LastName, LeadTable.CompanyName, LeadTable.Email, LeadTable.BusinessPhone };

        /// <summary>
        /// Free-mail and disposable-address domains: LeadAlign's own short list of the most common ones (not taken from any
        /// published list); an address at one of them says nothing of the company.
        /// </summary>
        public static readonly IReadOnlyCollection<string> FreeOrDisposableDomains = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "msn.com", "aol.com", "icloud.com",
            "me.com", "gmx.com", "gmx.net", "mail.com", "proton.me", "protonmail.com", "yandex.com", "zoho.com",
            "mailinator.com", "guerrillamail.com", "10minutemail.com", "tempmail.com", "temp-mail.org", "trashmail.com", "yopmail.com",
        };

        private static readonly Regex Address = new Regex(@"^[^@\s]+@(?<domain>[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

        /// <summary>Whether <paramref name="email"/> is a well-formed address at a domain that is not free-mail or disposable.</summary>
        public static bool IsValidBusinessEmail(string? email)
        {
            var match = Address.Match(email?.Trim() ?? string.Empty);
            return match.Success && !FreeOrDisposableDomains.Contains(match.Groups["domain"].Value);
        }

        /// <summary>Writes the four quality columns into <paramref name="target"/> for the lead <paramref name="lead"/> (target merged with its image).</summary>
        public static void Record(IOrganizationService service, Entity target, Entity lead, Guid leadId, Action<string> trace)
        {
            var missing = RequiredColumns.Where(column => !(lead.Attributes.TryGetValue(column, out var value) && value is string text && text.Trim().Length > 0)).ToList();
            var email = lead.GetAttributeValue<string>(LeadTable.Email)?.Trim();
            var validDomain = IsValidBusinessEmail(email);
            var duplicate = !string.IsNullOrEmpty(email) && DuplicateExists(service, email!, leadId);
            target[LeadTable.HasRequiredData] = missing.Count == 0;
            target[LeadTable.HasValidEmailDomain] = validDomain;
            target[LeadTable.IsDuplicate] = duplicate;
            target[LeadTable.CleanHandoff] = missing.Count == 0 && validDomain && !duplicate;
            trace($"Handoff quality: required data {(missing.Count == 0 ? "present" : "missing " + string.Join(", ", missing))}; e-mail domain {(validDomain ? "valid" : "not valid")}; {(duplicate ? "a duplicate of an open lead" : "no duplicate")}.");
        }

        /// <summary>Whether another open lead (MQL or SAL, active) has the same e-mail address. One query.</summary>
        private static bool DuplicateExists(IOrganizationService service, string email, Guid leadId)
        {
            var query = new QueryExpression(LeadTable.EntityName) { ColumnSet = new ColumnSet(LeadTable.Id), TopCount = 1 };
            query.Criteria.AddCondition(LeadTable.Email, ConditionOperator.Equal, email);
            query.Criteria.AddCondition(LeadTable.Id, ConditionOperator.NotEqual, leadId);
            query.Criteria.AddCondition(LeadTable.StateCode, ConditionOperator.Equal, 0);
            query.Criteria.AddCondition(LeadTable.Stage, ConditionOperator.In, LeadStages.Open.Select(stage => (object)(int)stage).ToArray());
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }
    }
}
