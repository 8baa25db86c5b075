using System;

namespace LeadAlign.Runtime
{
    internal static class ServiceProviderExtensions
    {
        /// <summary>The service of type <typeparamref name="T"/>, or null when the platform offers none.</summary>
        public static T? Get<T>(this IServiceProvider serviceProvider)
            where T : class
        {
            return serviceProvider.GetService(typeof(T)) as T;
        }

        /// <summary>The service of type <typeparamref name="T"/>; its absence is a platform fault, not a user error.</summary>
        public static T GetRequired<T>(this IServiceProvider serviceProvider)
            where T : class
        {
            return serviceProvider.Get<T>()
                ?? throw new InvalidOperationException("The execution environment offers no " + typeof(T).FullName + ".");
        }
    }
}
