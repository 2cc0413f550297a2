import SurveyCore
