// Stand-in for Microsoft.Xrm.Sdk 9.0.0.0. The public API is a strict subset of the official one
// (Tests/LeadAlign.Tests/Compatibility proves it); behaviour follows the official SDK where code can observe it.
using System;

namespace Microsoft.Xrm.Sdk.Client
{
    /// <summary>Names the table an early-bound class stands for; <see cref="Entity.ToEntity{T}"/> reads it.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public sealed class EntityLogicalNameAttribute : Attribute
    {
        public EntityLogicalNameAttribute(string logicalName)
        {
            if (string.IsNullOrWhiteSpace(logicalName))
            {
                throw new ArgumentNullException(nameof(logicalName));
            }

            LogicalName = logicalName;
        }

        public string LogicalName { get; }
    }
}
