using System;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace LeadAlign.Runtime
{
    /// <summary>
    /// Wraps the platform's tracing service. Every line is stamped with the milliseconds elapsed since the execution
    /// started and the operation's correlation id, so support can line up a Plug-in Trace Log with other traces of
    /// the same request. Messages are passed through as data ("{0}"), so braces in a message never break tracing.
    /// One instance per execution: it is never cached on a plug-in.
    /// </summary>
    internal sealed class ExecutionTracer : ITracingService
    {
        private readonly Func<ITracingService?> _inner;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly string _correlation;
        private ITracingService? _resolved;
        private bool _isResolved;

        public ExecutionTracer(Func<ITracingService?> inner, Guid correlationId)
        {
            _inner = inner;
            _correlation = correlationId.ToString("N", CultureInfo.InvariantCulture).Substring(0, 8);
        }

        public void Trace(string format, params object[] args)
        {
            if (!_isResolved)
            {
                _resolved = _inner();
                _isResolved = true;
            }

            if (_resolved == null)
            {
                return;
            }

            var message = args == null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
            _resolved.Trace("{0}", Stamp(message));
        }

        internal string Stamp(string message)
        {
            return string.Format(CultureInfo.InvariantCulture, "[+{0}ms {1}] {2}", _clock.ElapsedMilliseconds, _correlation, message);
        }
    }
}
