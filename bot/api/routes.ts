import type { Handler } from './context';
import { createNetwork, deleteNetwork, deleteNetworkRole, getNetwork, listNetworks, me, patchNetwork, putNetworkRole } from '../networks/api';
import { erasePersonData, exportMyData, exportPersonData } from '../privacy/api';
import { saveTheme, subthemes } from '../theme/api';
import { changeParticipantsInBulk, createParticipants, participants } from '../participants/api';
import { listTeamMembers } from '../participants/teamMembers';
import { commonEml, listInvitations, personalEml, saveCommon, savePersonal, sendInvitation, setStatus as setInvitationStatus } from '../invitations/api';
import { meetings } from '../meetings/api';
import { removeAssignment, saveAssignment } from '../planner/api';
import { postAgendaNow, previewAgenda, saveAgenda } from '../agenda/api';
import { closeMeeting, ideaFromReflection, listReflections, putMyReflection, reflectionStatus, reopenMeeting, sendReflectionsNow } from '../reflections/api';
import { plenary, saveSummary } from '../summary/api';
import { ideas, postIdeaLotNow } from '../ideas/api';
import { listSends, networkReach } from '../sending/api';
import { analysisCategories, analysisMaterial, analysisNotes } from '../analysis/api';
import { deliveryDocument, deliveryDraft, saveDelivery } from '../delivery/api';
import { savePhasePlan } from '../phases/api';
import { bookCalendar, cancellationsIcs, getCalendar, meetingIcs, seriesIcs } from '../calendar/api';

export interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'del';
  path: string;
  handler: Handler;
}

const N = '/api/networks/:networkId';
const M = `${N}/meetings/:meetingId`;

/** Every way into the tab API, on one screen. */
export const routes: Route[] = [
  { method: 'get', path: '/api/me', handler: me },
  { method: 'get', path: '/api/me/export', handler: exportMyData },
  { method: 'post', path: '/api/privacy/export', handler: exportPersonData },
  { method: 'post', path: '/api/privacy/erase', handler: erasePersonData },
  { method: 'get', path: '/api/networks', handler: listNetworks },
  { method: 'post', path: '/api/networks', handler: createNetwork },
  { method: 'get', path: N, handler: getNetwork },
  { method: 'patch', path: N, handler: patchNetwork },
  { method: 'del', path: N, handler: deleteNetwork },
  { method: 'put', path: `${N}/roles/:role`, handler: putNetworkRole },
  { method: 'del', path: `${N}/roles/:role`, handler: deleteNetworkRole },
  { method: 'get', path: `${N}/team-members`, handler: listTeamMembers },
  { method: 'put', path: `${N}/theme`, handler: saveTheme },
  { method: 'post', path: `${N}/subthemes`, handler: subthemes.create },
  { method: 'patch', path: `${N}/subthemes/:subthemeId`, handler: subthemes.patch },
  { method: 'del', path: `${N}/subthemes/:subthemeId`, handler: subthemes.remove },
  { method: 'post', path: `${N}/participants`, handler: participants.create },
  { method: 'post', path: `${N}/participants/batch`, handler: createParticipants },
  { method: 'patch', path: `${N}/participants/batch`, handler: changeParticipantsInBulk },
  { method: 'patch', path: `${N}/participants/:participantId`, handler: participants.patch },
  { method: 'del', path: `${N}/participants/:participantId`, handler: participants.remove },
  { method: 'get', path: `${N}/invitations`, handler: listInvitations },
  { method: 'put', path: `${N}/invitation`, handler: saveCommon },
  { method: 'get', path: `${N}/invitation.eml`, handler: commonEml },
  { method: 'put', path: `${N}/invitations/:participantId`, handler: savePersonal },
  { method: 'post', path: `${N}/invitations/:participantId/send`, handler: sendInvitation },
  { method: 'post', path: `${N}/invitations/:participantId/status`, handler: setInvitationStatus },
  { method: 'get', path: `${N}/invitations/:participantId/invitation.eml`, handler: personalEml },
  { method: 'post', path: `${N}/meetings`, handler: meetings.create },
  { method: 'patch', path: M, handler: meetings.patch },
  { method: 'del', path: M, handler: meetings.remove },
  { method: 'put', path: `${M}/assignments/:participantId`, handler: saveAssignment },
  { method: 'del', path: `${M}/assignments/:participantId`, handler: removeAssignment },
  { method: 'put', path: `${M}/agenda`, handler: saveAgenda },
  { method: 'post', path: `${M}/agenda/preview`, handler: previewAgenda },
  { method: 'post', path: `${M}/agenda/post`, handler: postAgendaNow },
  { method: 'post', path: `${M}/close`, handler: closeMeeting },
  { method: 'post', path: `${M}/reopen`, handler: reopenMeeting },
  { method: 'get', path: `${M}/reflection-status`, handler: reflectionStatus },
  { method: 'post', path: `${M}/reflections/:participantId/idea`, handler: ideaFromReflection },
  { method: 'put', path: `${M}/summary`, handler: saveSummary },
  { method: 'get', path: `${M}/plenary`, handler: plenary },
  { method: 'get', path: `${M}/reflections`, handler: listReflections },
  { method: 'put', path: `${M}/reflections/mine`, handler: putMyReflection },
  { method: 'post', path: `${M}/reflections/send`, handler: sendReflectionsNow },
  { method: 'post', path: `${N}/ideas`, handler: ideas.create },
  { method: 'post', path: `${N}/ideas/post`, handler: postIdeaLotNow },
  { method: 'get', path: `${N}/sends`, handler: listSends },
  { method: 'get', path: `${N}/reach`, handler: networkReach },
  { method: 'patch', path: `${N}/ideas/:ideaId`, handler: ideas.patch },
  { method: 'del', path: `${N}/ideas/:ideaId`, handler: ideas.remove },
  { method: 'get', path: `${N}/analysis/material`, handler: analysisMaterial },
  { method: 'post', path: `${N}/analysis/categories`, handler: analysisCategories.create },
  { method: 'patch', path: `${N}/analysis/categories/:categoryId`, handler: analysisCategories.patch },
  { method: 'del', path: `${N}/analysis/categories/:categoryId`, handler: analysisCategories.remove },
  { method: 'post', path: `${N}/analysis/notes`, handler: analysisNotes.create },
  { method: 'patch', path: `${N}/analysis/notes/:noteId`, handler: analysisNotes.patch },
  { method: 'del', path: `${N}/analysis/notes/:noteId`, handler: analysisNotes.remove },
  { method: 'put', path: `${N}/delivery`, handler: saveDelivery },
  { method: 'get', path: `${N}/delivery/draft`, handler: deliveryDraft },
  { method: 'get', path: `${N}/delivery.docx`, handler: deliveryDocument },
  { method: 'put', path: `${N}/phases`, handler: savePhasePlan },
  { method: 'get', path: `${N}/calendar`, handler: getCalendar },
  { method: 'post', path: `${N}/calendar/book`, handler: bookCalendar },
  { method: 'get', path: `${N}/calendar/series.ics`, handler: seriesIcs },
  { method: 'get', path: `${N}/calendar/cancellations.ics`, handler: cancellationsIcs },
  { method: 'get', path: `${M}/calendar.ics`, handler: meetingIcs },
];
