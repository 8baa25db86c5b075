namespace LeadAlign.Schema
{
    /// <summary>The platform's in-app notification, with the platform's icon, toast and priority values.</summary>
    internal static class AppNotificationTable
    {
        public const string EntityName = "appnotification";
        public const string Title = "title";
        public const string Body = "body";
        public const string OwnerId = "ownerid";
        public const string IconType = "icontype";
        public const string ToastType = "toasttype";
        public const string Priority = "priority";
        public const string Data = "data";
        public const int IconInfo = 100000000;
        public const int IconWarning = 100000003;
        public const int IconFailure = 100000002;
        public const int ToastTimed = 200000000;
        public const int PriorityNormal = 200000000;
        public const int PriorityHigh = 200000001;
    }
}
