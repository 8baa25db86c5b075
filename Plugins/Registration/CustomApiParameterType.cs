namespace LeadAlign.Plugins.Registration
{
    /// <summary>
    /// The type of a Custom API request parameter or response property, with the platform's values (the <c>type</c> of
    /// customapirequestparameter and customapiresponseproperty). The property that carries it has the matching SDK type:
    /// bool, DateTime, decimal, Entity, EntityCollection, EntityReference, double, int, Money, OptionSetValue, string,
    /// string[] or Guid (a nullable value type for an optional parameter).
    /// </summary>
    public enum CustomApiParameterType
    {
        Boolean = 0,
        DateTime = 1,
        Decimal = 2,
        Entity = 3,
        EntityCollection = 4,
        EntityReference = 5,
        Float = 6,
        Integer = 7,
        Money = 8,
        Picklist = 9,
        String = 10,
        StringArray = 11,
        Guid = 12,
    }
}
