using System;

namespace LeadAlign.Runtime
{
    /// <summary>
    /// A rule of the sales and marketing agreement refused what the user asked for. The message is written
    /// for the person who did it (a rep, a marketer, an admin) and says what to do instead. Domain code throws this;
    /// the plug-in and workflow boundaries turn it into the SDK's InvalidPluginExecutionException, so business code
    /// never depends on the SDK's exception types.
    /// </summary>
    internal sealed class BusinessRuleException : Exception
    {
        public BusinessRuleException(string message)
            : base(message)
        {
        }

        public BusinessRuleException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
