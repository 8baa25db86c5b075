using System;
using LeadAlign.Runtime;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Plugins
{
    /// <summary>The everyday reads of a plug-in execution context: the Target, the images, and the record as it will be.</summary>
    internal static class PluginContextExtensions
    {
        public const string TargetParameter = "Target";

        /// <summary>The Target entity of a Create or Update (null for other messages).</summary>
        public static Entity? GetTargetEntity(this IExecutionContext context)
        {
            return context.InputParameters.TryGetValue(TargetParameter, out var target) ? target as Entity : null;
        }

        /// <summary>The Target reference of a Delete, Assign or SetState-like message (null otherwise).</summary>
        public static EntityReference? GetTargetReference(this IExecutionContext context)
        {
            return context.InputParameters.TryGetValue(TargetParameter, out var target) ? target as EntityReference : null;
        }

        public static Entity? GetPreImage(this IExecutionContext context, string name)
        {
            return context.PreEntityImages.TryGetValue(name, out var image) ? image : null;
        }

        public static Entity? GetPostImage(this IExecutionContext context, string name)
        {
            return context.PostEntityImages.TryGetValue(name, out var image) ? image : null;
        }

        /// <summary>
        /// The record as it will be after this operation: the pre-image's columns overlaid with the Target's.
        /// A column the Target sets to null stays null. Neither input is modified.
        /// </summary>
        public static Entity MergeWithPreImage(this Entity target, Entity? preImage)
        {
            if (target == null)
            {
                throw new ArgumentNullException(nameof(target));
            }

            var merged = new Entity(target.LogicalName, target.Id != Guid.Empty ? target.Id : preImage?.Id ?? Guid.Empty);
            if (preImage != null)
            {
                foreach (var column in preImage.Attributes)
                {
                    merged[column.Key] = column.Value;
                }
            }

            foreach (var column in target.Attributes)
            {
                merged[column.Key] = column.Value;
            }

            return merged;
        }

        /// <summary>The pre-image a step registered, or a platform-configuration fault naming it.</summary>
        public static Entity RequirePreImage(this IExecutionContext context, string name)
        {
            return context.GetPreImage(name)
                ?? throw new InvalidOperationException(
                    "The step for " + context.MessageName + " of " + context.PrimaryEntityName + " has no pre-image named '" + name + "'. Re-import the LeadAlign solution to restore its registration.");
        }
    }
}
